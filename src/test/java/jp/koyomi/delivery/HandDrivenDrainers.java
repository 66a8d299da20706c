package jp.koyomi.delivery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.koyomi.metrics.PipelineMetrics;

/** Drainers on a clock the test moves by hand, over the application's own outbox, settings and links. */
@ApplicationScoped
public class HandDrivenDrainers {

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    UnsubscribeLinks links;

    @Inject
    SendGate gate;

    OutboxDrainer on(Clock clock) {
        return on(clock, gate);
    }

    OutboxDrainer on(Clock clock, SendGate sendGate) {
        return new OutboxDrainer(outbox, config, clock, links, sendGate, new PipelineMetrics(new SimpleMeterRegistry()));
    }
}
