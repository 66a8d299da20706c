package jp.koyomi.settings;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "koyomi.settings")
public interface SettingsConfig {

    /** How long an instance uses the settings it read before reading them again (a change saved elsewhere shows after this). */
    @WithDefault("5s")
    Duration refresh();
}
