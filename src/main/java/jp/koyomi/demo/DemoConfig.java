package jp.koyomi.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.demo")
public interface DemoConfig {

    /** Load the demo brand at start into an empty database. */
    @WithDefault("false")
    boolean enabled();

    /** How many demo customers the first start loads. */
    @WithDefault("5000")
    int customers();
}
