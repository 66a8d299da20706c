package jp.koyomi.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.outbox")
public interface OutboxConfig {

    /** Whether this instance drains the outbox. */
    @WithDefault("true")
    boolean enabled();

    /** Workers per channel, each claiming its own batches. */
    @WithDefault("2")
    int workers();

    /** Deliveries one worker claims at a time. */
    @WithDefault("100")
    int batchSize();

    /** How long a claim holds; a worker that crashed loses its claims after this. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Delay before the first retry; each further retry doubles it, with jitter. */
    @WithDefault("PT30S")
    Duration firstRetryDelay();

    @WithDefault("PT6H")
    Duration maxRetryDelay();
}
