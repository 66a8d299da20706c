package jp.koyomi.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;

/**
 * The counters the pipeline bumps: one call per batch from the run, one per delivery from the
 * senders. Reasons are a handful of fixed words, never the provider's message, so the number of
 * series stays small.
 */
@ApplicationScoped
@Startup // the series exist (at 0) from the start, not from the first run
public class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter decided;

    @Inject
    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decided = Counter.builder("koyomi.run.customers.decided")
                .description("Customers a run decided for (sent to the outbox, skipped or held out)").register(registry);
    }

    /** A run batch decided for {@code customers} customers; rate() of it is customers decided per second. */
    public void decided(int customers) {
        decided.increment(customers);
    }

    /** What a sender did with one delivery. */
    public void sendOutcome(Channel channel, SendResult result) {
        if (result instanceof SendResult.Sent) {
            sendOutcome(channel, "sent", "none");
        } else if (result instanceof SendResult.Failed) {
            sendOutcome(channel, "failed", "rejected");
        } else if (result instanceof SendResult.ChannelPaused) {
            sendOutcome(channel, "retry", "channel_paused");
        } else {
            sendOutcome(channel, "retry", "temporary");
        }
    }

    /**
     * What a sender did with one delivery, e.g. ("skipped", "consent_withdrawn") or ("failed",
     * "gave_up").
     */
    public void sendOutcome(Channel channel, String outcome, String reason) {
        registry.counter("koyomi.outbox.sends", "channel", channel.name(), "outcome", outcome, "reason", reason)
                .increment();
    }
}
