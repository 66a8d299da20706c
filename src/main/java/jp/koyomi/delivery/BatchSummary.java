package jp.koyomi.delivery;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import jp.koyomi.domain.Channel;

/**
 * Tallies one batch's outcomes and logs them as one line: an SMTP or LINE outage shows as a line
 * per batch with each distinct reason and how often it came, not one warning per delivery.
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

    /** WARN when sends failed or will be retried, DEBUG otherwise. Reasons carry no recipient data. */
    void log() {
        String line = channel + " batch: " + sent + " sent, " + retried + " to retry, " + failed + " failed, " + deferred
                + " deferred" + withheld.entrySet().stream().map(e -> ", " + e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining())
                + (reasons.isEmpty() ? "" : reasons.entrySet().stream().limit(REASONS_SHOWN)
                        .map(e -> e.getKey() + " (" + e.getValue() + "x)").collect(Collectors.joining("; ", ": ", "")));
        if (retried > 0 || failed > 0) {
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
    }
}
