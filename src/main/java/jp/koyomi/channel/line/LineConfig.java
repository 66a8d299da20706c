package jp.koyomi.channel.line;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The LINE channel: the Messaging API when a token is configured, JSON files otherwise; the webhook's secret. */
@ConfigMapping(prefix = "koyomi.channels.line")
public interface LineConfig {

    Optional<String> channelAccessToken();

    /** Verifies the webhook's X-Line-Signature; the webhook answers 401 to everything without it. */
    Optional<String> channelSecret();

    @WithDefault("https://api.line.me")
    URI apiBaseUrl();

    /** LINE allows 2,000 pushes/s per channel; Koyomi takes this share of it. */
    @WithDefault("1000")
    double pushesPerSecond();

    @WithDefault("32")
    int maxConnections();
}
