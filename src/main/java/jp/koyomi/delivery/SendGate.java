package jp.koyomi.delivery;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.koyomi.domain.Channel;

/**
 * The one place that decides whether a delivery may go out now, for every channel and for the
 * postal export alike: consent, an address, expiry, the offered stock, then quiet hours. That the
 * claim still owns the row is the outbox's part ({@link Outbox#hold}), checked right after this
 * together with consent and address once more: they may change while the delivery waits in its batch.
 */
@ApplicationScoped
public class SendGate {

    /** What to do with a delivery now. */
    public sealed interface Verdict {
    }

    /** It may go out. */
    public record Go() implements Verdict {
    }

    /** Not yet: due again at {@code until}. */
    public record Defer(Instant until, String reason) implements Verdict {
    }

    /** Never: it ends in {@code status} with the reason. */
    public record Withhold(DeliveryStatus status, String reason) implements Verdict {
    }

    /** What the gate looks at, whether it comes from an outbox claim or a postal export row. */
    public record Candidate(Channel channel, boolean consented, String recipient, Instant expiresAt, Offer offer,
            String lastError) {

        public static Candidate of(ClaimedDelivery d) {
            return new Candidate(d.channel(), d.consented(), d.recipient(), d.expiresAt(), d.offer(), d.lastError());
        }
    }

    private static final Go GO = new Go();

    /** Why a delivery ends SKIPPED when its customer refused the channel since the run. */
    static final String CONSENT_WITHDRAWN = "consent withdrawn before sending";

    private final SendWindow window;

    @Inject
    public SendGate(SendWindow window) {
        this.window = window;
    }

    /**
     * @param stock current units per SKU, read just before sending (see {@link Outbox#stock})
     */
    public Verdict check(Candidate d, Instant now, Map<String, Integer> stock) {
        if (!d.consented()) {
            return new Withhold(DeliveryStatus.SKIPPED, CONSENT_WITHDRAWN);
        }
        if (d.recipient() == null || d.recipient().isBlank()) {
            return new Withhold(DeliveryStatus.FAILED, "the customer has no " + d.channel() + " address any more");
        }
        if (d.expiresAt() != null && !now.isBefore(d.expiresAt())) {
            return new Withhold(DeliveryStatus.EXPIRED, "expired at " + d.expiresAt() + " before it could be sent"
                    + (d.lastError() == null ? "" : "; last problem: " + d.lastError()));
        }
        String soldOut = soldOut(d.offer(), stock);
        if (soldOut != null) {
            return new Withhold(DeliveryStatus.SOLD_OUT_BEFORE_SEND, soldOut);
        }
        // Printing is not a message arriving at night: the postal export ignores the window.
        if (d.channel() != Channel.POSTAL) {
            Instant opens = window.nextOpening(now);
            if (opens.isAfter(now)) {
                return new Defer(opens, "quiet hours: waits until " + opens);
            }
        }
        return GO;
    }

    /** Whether the channel may send at all now (a worker skips claiming during quiet hours). */
    public boolean windowOpen(Channel channel, Instant now) {
        return channel == Channel.POSTAL || window.isOpen(now);
    }

    /** Why the offer no longer holds, or null while every offered SKU still has the units it needs. */
    private static String soldOut(Offer offer, Map<String, Integer> stock) {
        if (!offer.checksStock()) {
            return null;
        }
        for (String sku : offer.skus()) {
            int left = stock.getOrDefault(sku, 0);
            if (left < offer.minStock()) {
                return "SKU " + sku + " has " + left + " left, the offer needs " + offer.minStock();
            }
        }
        return null;
    }
}
