package jp.koyomi.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.koyomi.domain.Channel;

/**
 * Keeps an SMTP or LINE outage to a few WARN lines: the first troubled batch of a channel, then
 * at most one a minute while the trouble lasts, and one line when the channel sends again.
 */
final class OutageLog {

    private static final Duration BETWEEN_WARNINGS = Duration.ofMinutes(1);

    private final Map<Channel, Instant> lastWarning = new ConcurrentHashMap<>();

    /** Whether this troubled batch is the one to warn about. */
    boolean warnNow(Channel channel, Instant now) {
        boolean[] warn = { false };
        lastWarning.compute(channel, (c, last) -> {
            if (last == null || !now.isBefore(last.plus(BETWEEN_WARNINGS))) {
                warn[0] = true;
                return now;
            }
            return last;
        });
        return warn[0];
    }

    /** Whether the channel had been in trouble until this clean batch. */
    boolean recovered(Channel channel) {
        return lastWarning.remove(channel) != null;
    }
}
