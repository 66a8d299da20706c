package jp.koyomi.run;

import java.util.List;

import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/** What a run decided for one customer, ready to be written: a message for the outbox, a skip, or holdout. */
public record RunOutcome(long customerId, Kind kind, String skipReason, Channel channel, RenderedMessage message,
        List<Long> offeredStyleIds, List<String> explanation) {

    public enum Kind {
        SENT_TO_OUTBOX, SKIPPED, HOLDOUT
    }

    public static RunOutcome deliver(long customerId, Channel channel, RenderedMessage message, List<Long> styles,
            List<String> explanation) {
        return new RunOutcome(customerId, Kind.SENT_TO_OUTBOX, null, channel, message, List.copyOf(styles),
                List.copyOf(explanation));
    }

    public static RunOutcome skip(long customerId, String reason, List<String> explanation) {
        return new RunOutcome(customerId, Kind.SKIPPED, reason, null, null, List.of(), List.copyOf(explanation));
    }

    public static RunOutcome holdout(long customerId) {
        return new RunOutcome(customerId, Kind.HOLDOUT, null, null, null, List.of(),
                List.of("in the campaign's holdout group: recorded for attribution, sent nothing"));
    }
}
