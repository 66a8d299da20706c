package jp.koyomi.channel.email;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The email channel: an SMTP server, or the file outbox when none is configured; the sender's identity.
 * The sender and footer values are read through {@link EffectiveSender} (jp.koyomi.settings), where a
 * value an admin saved applies unless one is set here; this mapping declares them and their defaults.
 */
@ConfigMapping(prefix = "koyomi.channels.email")
public interface EmailConfig {

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

    /** Reply-To of marketing email; none by default (replies go to From). */
    Optional<String> replyTo();
}
