package jp.koyomi.delivery;

import java.time.Instant;
import java.util.UUID;

import jp.koyomi.domain.Channel;

/**
 * A delivery a worker holds under a claim, with what it needs to send it and to decide whether it
 * may still go out: the customer's current address and consent for the channel (either may have
 * changed since the run), the expiry and what the letter offers.
 *
 * @param claimToken the claim it belongs to; every state change must name it
 * @param attempts   attempts before this one
 * @param expiresAt  null for deliveries made before expiry existed
 * @param offer      the SKUs the letter offers and the units each needs
 * @param lastError  why the previous attempt did not go out, if one did not
 */
public record ClaimedDelivery(long id, UUID claimToken, long customerId, Channel channel, String content, UUID retryKey,
        int attempts, String recipient, String recipientName, boolean consented, Instant expiresAt, Offer offer,
        String lastError) {
}
