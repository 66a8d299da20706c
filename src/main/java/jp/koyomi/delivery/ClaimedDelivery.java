package jp.koyomi.delivery;

import java.util.UUID;

import jp.koyomi.domain.Channel;

/**
 * A delivery a worker holds the lease on, with what it needs to send it: the customer's current
 * address for the channel and whether they still consent (it may have changed since the run).
 */
public record ClaimedDelivery(long id, long customerId, Channel channel, String content, UUID retryKey, int attempts,
        String recipient, String recipientName, boolean consented) {
}
