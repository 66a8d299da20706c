package jp.koyomi.campaign;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.scheduler")
public interface SchedulerConfig {

    /** How often due occurrences are looked for. */
    @WithDefault("30s")
    String tick();

    /** An occurrence missed while Koyomi was down still runs if it is at most this late; older ones are MISSED. */
    @WithDefault("PT6H")
    Duration grace();

    /** Set false on instances that should only serve the API and drain the outbox. */
    @WithDefault("true")
    boolean enabled();
}
