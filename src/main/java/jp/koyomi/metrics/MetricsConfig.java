package jp.koyomi.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.metrics")
public interface MetricsConfig {

    /** How long the outbox and run gauges reuse one reading of the database: scrapes stay cheap. */
    @WithDefault("5s")
    Duration refresh();
}
