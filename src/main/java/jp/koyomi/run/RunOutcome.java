package jp.koyomi.run;

import java.time.Duration;
import java.util.List;

import jp.koyomi.delivery.Offer;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * What a run decided for one customer, ready to be written: a message for the outbox, a skip, or holdout.
 *
 * @param offer  what the message offers, checked again against stock when it is sent
 * @param expiry how long the message may wait in the outbox before it is too late to send (null: no limit)
 */
public record RunOutcome(long customerId, Kind kind, String skipReason, Channel channel, RenderedMessage message,
        List<Long> offeredStyleIds, List<String> explanation, Offer offer, Duration expiry) {

    public enum Kind {
        SENT_TO_OUTBOX, SKIPPED, HOLDOUT
    }

    /** A message that offers no stock and does not expire. */
    public static RunOutcome deliver(long customerId, Channel channel, RenderedMessage message, List<Long> styles,
            List<String> explanation) {
        return deliver(customerId, channel, message, styles, explanation, Offer.NONE, null);
    }

    public static RunOutcome deliver(long customerId, Channel channel, RenderedMessage message, List<Long> styles,
            List<String> explanation, Offer offer, Duration expiry) {
        return new RunOutcome(customerId, Kind.SENT_TO_OUTBOX, null, channel, message, List.copyOf(styles),
                List.copyOf(explanation), offer, expiry);
    }

    public static RunOutcome skip(long customerId, String reason, List<String> explanation) {
        return new RunOutcome(customerId, Kind.SKIPPED, reason, null, null, List.of(), List.copyOf(explanation), Offer.NONE,
                null);
    }

    public static RunOutcome holdout(long customerId) {
        return new RunOutcome(customerId, Kind.HOLDOUT, null, null, null, List.of(),
                List.of("in the campaign's holdout group: recorded for attribution, sent nothing"), Offer.NONE, null);
    }
}
