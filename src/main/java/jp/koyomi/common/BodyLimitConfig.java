package jp.koyomi.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request body limits below {@code quarkus.http.limits.max-body-size}, which stays large only for
 * the streaming imports.
 */
@ConfigMapping(prefix = "koyomi.http.max-body-size")
public interface BodyLimitConfig {

    /** Open endpoints (unsubscribe, click, the LINE webhook, the login form): small signed requests. */
    @WithDefault("1M")
    MemorySize open();

    /** Authenticated API calls other than imports (templates, campaigns, users). */
    @WithDefault("10M")
    MemorySize api();
}
