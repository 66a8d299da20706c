package jp.koyomi.link;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import jp.koyomi.delivery.UnsubscribeLinks;

/**
 * Makes the one {@link SignedLinks} of the application from {@link LinkConfig} and the stored key,
 * and refuses to start when real mail would carry links nobody can reach.
 */
@ApplicationScoped
public class Links {

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /**
     * Checks the settings at start. Taking {@link SignedLinks} here creates it now, so the key is
     * settled (and stored, the first time) before anything is sent.
     */
    void onStart(@Observes StartupEvent start, LinkConfig config, SignedLinks links) {
        deadLinksReason(config.publicBaseUrl(), config.smtpHost()).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    @Produces
    @Singleton
    SignedLinks signedLinks(LinkConfig config, StoredLinkSecret stored, Clock clock) {
        List<String> accepted = new ArrayList<>(config.linkPreviousSecrets().orElse(List.of()));
        String secret;
        if (config.linkSecret().isPresent()) {
            secret = config.linkSecret().get();
            // Links signed with the generated key before a key was configured keep working.
            stored.find().ifPresent(accepted::add);
        } else {
            secret = stored.findOrCreate();
        }
        return new SignedLinks(new LinkSettings(config.publicBaseUrl(), secret, accepted), clock);
    }

    @Produces
    @ApplicationScoped
    UnsubscribeLinks unsubscribeLinks(SignedLinks links) {
        return links::unsubscribeUrl;
    }

    /**
     * Why Koyomi must not start with these settings: emails sent through a real SMTP server whose
     * unsubscribe links point at localhost would carry links no customer can open.
     */
    static Optional<String> deadLinksReason(URI publicBaseUrl, Optional<String> smtpHost) {
        if (smtpHost.filter(h -> !h.isBlank()).isEmpty() || !isLocal(publicBaseUrl.getHost())) {
            return Optional.empty();
        }
        return Optional.of("koyomi.channels.email.smtp-host is set, so emails go to real recipients, but "
                + "koyomi.channels.public-base-url is " + publicBaseUrl + ": their unsubscribe and click links would "
                + "point at this machine and work for nobody. Set koyomi.channels.public-base-url "
                + "(KOYOMI_CHANNELS_PUBLIC_BASE_URL) to the address customers reach Koyomi at, e.g. https://mail.example.jp");
    }

    private static boolean isLocal(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || LOOPBACK_IPV4.matcher(h).matches()
                || h.equals("[::1]") || h.equals("0.0.0.0");
    }
}
