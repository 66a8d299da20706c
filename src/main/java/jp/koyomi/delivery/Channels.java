package jp.koyomi.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import jp.koyomi.link.LinkSettings;
import jp.koyomi.link.SignedLinks;

/**
 * The signed links every channel puts in its messages. (The messengers themselves come from their
 * channel packages: {@code channel.email.EmailChannel}, {@code channel.line.LineChannel}.)
 */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    @Produces
    @Singleton
    SignedLinks signedLinks(ChannelsConfig config, Clock clock) {
        String secret = config.linkSecret().orElseGet(() -> {
            LOG.warn("koyomi.channels.link-secret is not set: unsubscribe and click links are signed with a random "
                    + "key and stop working when Koyomi restarts. Set it in production.");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
        return new SignedLinks(new LinkSettings(config.publicBaseUrl(), secret), clock);
    }

    @Produces
    @ApplicationScoped
    UnsubscribeLinks unsubscribeLinks(SignedLinks links) {
        return links::unsubscribeUrl;
    }
}
