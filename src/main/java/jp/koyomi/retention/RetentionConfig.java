package jp.koyomi.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.retention")
public interface RetentionConfig {

    /** Whether this instance purges (any number of instances may; each batch is its own transaction). */
    @WithDefault("true")
    boolean enabled();

    /** How often the purge runs (a Quarkus scheduler interval, e.g. {@code 1h}; {@code off} never). */
    @WithDefault("1h")
    String every();

    /** Rendered bodies of SENT, FAILED and SKIPPED deliveries are dropped this long after the delivery was made. */
    @WithDefault("P30D")
    Duration bodies();

    /**
     * Offer history older than this is deleted; never sooner than {@code koyomi.runs.offer-history-window},
     * which "no repeats" rules read.
     */
    @WithDefault("P400D")
    Duration offerHistory();

    /** Rows per purge transaction: small, so no lock is held long and sends go on beside it. */
    @WithDefault("1000")
    int batchSize();
}
