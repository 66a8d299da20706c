package jp.koyomi.delivery;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jp.koyomi.channel.email.SmtpSecurity;

/**
 * How Koyomi reaches customers. With no SMTP host or no LINE token configured, that channel's
 * messages are written as files under {@code koyomi.channels.outbox-directory} instead.
 */
@ConfigMapping(prefix = "koyomi.channels")
public interface ChannelsConfig {

    /** Where the file outbox writes .eml and LINE JSON files when a channel has no server configured. */
    @WithDefault("outbox")
    String outboxDirectory();

    // public-base-url and the link keys are read by jp.koyomi.link.LinkConfig.

    Email email();

    Line line();

    interface Email {
        Optional<String> smtpHost();

        @WithDefault("587")
        int smtpPort();

        @WithDefault("STARTTLS")
        SmtpSecurity smtpSecurity();

        Optional<String> smtpUsername();

        Optional<String> smtpPassword();

        @WithDefault("4")
        int smtpConnections();

        @WithDefault("news@koyomi-apparel.example")
        String fromAddress();

        @WithDefault("こよみアパレル")
        String fromName();

        /** 送信者の氏名又は名称, printed in every marketing email's footer. */
        @WithDefault("株式会社こよみアパレル")
        String legalName();

        /** 送信者の住所. */
        @WithDefault("〒150-0001 東京都渋谷区神宮前1丁目2-3")
        String postalAddress();

        /** 苦情・問合せ先. */
        @WithDefault("support@koyomi-apparel.example")
        String contact();

        Optional<String> unsubscribeMailto();
    }

    interface Line {
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
}
