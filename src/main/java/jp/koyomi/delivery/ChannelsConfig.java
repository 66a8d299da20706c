package jp.koyomi.delivery;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What all channels share. Each channel's own settings live in its package
 * ({@code koyomi.channels.email.*}: {@code channel.email.EmailConfig}, {@code koyomi.channels.line.*}:
 * {@code channel.line.LineConfig}); a channel with no server configured writes files under
 * {@code koyomi.channels.outbox-directory} instead.
 */
@ConfigMapping(prefix = "koyomi.channels")
public interface ChannelsConfig {

    /** Where the file outbox writes .eml and LINE JSON files when a channel has no server configured. */
    @WithDefault("outbox")
    String outboxDirectory();

    /** The address customers reach Koyomi at: unsubscribe and click links start with it. */
    @WithDefault("http://localhost:8080")
    URI publicBaseUrl();

    /** HMAC key of unsubscribe and click links (32+ bytes). Unset: a random one per start, and old links die. */
    Optional<String> linkSecret();
}
