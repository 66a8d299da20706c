package jp.koyomi.delivery;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.outbox")
public interface OutboxConfig {

    /** Whether this instance drains the outbox. */
    @WithDefault("true")
    boolean enabled();

    /** How often idle workers look for due deliveries (a Quarkus scheduler interval; {@code off} never). */
    @WithDefault("2s")
    String poll();

    /**
     * Workers per channel, each claiming and sending its own batches. Unset: as many as the
     * channel's sender can send at once (SMTP connections, LINE requests in flight), the way to
     * size it; set, every channel gets this many.
     */
    OptionalInt workers();

    /** Deliveries one worker claims at a time. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long a claim holds; a worker that crashed loses its claims after this. Workers renew it
     * as they send, and each send is held for a whole lease: keep it well above the channels'
     * connect + read timeouts (10 s + 30 s).
     */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * How long a delivery may wait (deferrals, retries, a backlog) before it ends EXPIRED instead of
     * going out late; a campaign's {@code delivery_expiry} overrides it. Retries stop at the expiry.
     */
    @WithDefault("PT72H")
    Duration expiry();

    /** Delay before the first retry; each further retry doubles it, with jitter. */
    @WithDefault("PT30S")
    Duration firstRetryDelay();

    @WithDefault("PT6H")
    Duration maxRetryDelay();
}
