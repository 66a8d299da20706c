package jp.koyomi.delivery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import jp.koyomi.domain.Channel;

/**
 * Tallies one batch's outcomes and logs them as one line with each distinct reason and how often it
 * came, not one warning per delivery; during an outage only some of these lines are warnings.
 */
final class BatchSummary {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);
    private static final int REASONS_SHOWN = 5;

    private final Channel channel;
    private int sent;
    private int retried;
    private int failed;
    private int deferred;
    private final Map<DeliveryStatus, Integer> withheld = new EnumMap<>(DeliveryStatus.class);
    private final Map<String, Integer> reasons = new LinkedHashMap<>();

    BatchSummary(Channel channel) {
        this.channel = channel;
    }

    void sent() {
        sent++;
    }

    void retried(String reason) {
        retried++;
        reasons.merge(reason, 1, Integer::sum);
    }

    void failed(String reason) {
        failed++;
        reasons.merge(reason, 1, Integer::sum);
    }

    void deferred() {
        deferred++;
    }

    void withheld(DeliveryStatus status) {
        withheld.merge(status, 1, Integer::sum);
    }

    /**
     * WARN when sends failed or will be retried and {@code outages} says this batch is the one to
     * warn about, DEBUG otherwise; INFO when the channel sends again. Reasons carry no recipient data.
     */
    void log(OutageLog outages, Instant now) {
        String line = channel + " batch: " + sent + " sent, " + retried + " to retry, " + failed + " failed, " + deferred
                + " deferred" + withheld.entrySet().stream().map(e -> ", " + e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining())
                + (reasons.isEmpty() ? "" : reasons.entrySet().stream().limit(REASONS_SHOWN)
                        .map(e -> e.getKey() + " (" + e.getValue() + "x)").collect(Collectors.joining("; ", ": ", "")));
        if (retried > 0 || failed > 0) {
            if (outages.warnNow(channel, now)) {
                LOG.warn(line + " (while this lasts, " + channel + " trouble is logged once a minute)");
            } else {
                LOG.debug(line);
            }
            return;
        }
        if (sent > 0 && outages.recovered(channel)) {
            LOG.infof("%s is sending again", channel);
        }
        LOG.debug(line);
    }
}
