package jp.koyomi.delivery;

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

    // public-base-url and the link keys are read by jp.koyomi.link.LinkConfig.
}
