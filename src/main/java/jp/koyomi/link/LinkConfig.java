package jp.koyomi.link;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where the open links point and the keys that sign them (docs/operations.md, "Link keys"). */
@ConfigMapping(prefix = "koyomi.channels")
public interface LinkConfig {

    /** The address customers reach Koyomi at: unsubscribe and click links start with it. */
    @WithDefault("http://localhost:8080")
    URI publicBaseUrl();

    /** HMAC key of new links (32+ bytes). Unset: a key generated once and stored in the database. */
    Optional<String> linkSecret();

    /** Keys of links already sent that still verify after a rotation (32+ bytes each). */
    Optional<List<String>> linkPreviousSecrets();

    /** Set when email goes out through a real SMTP server, whose mail must carry reachable links. */
    @WithName("email.smtp-host")
    Optional<String> smtpHost();
}
