package jp.koyomi.channel.email;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.Messenger;

/**
 * Provides the email {@link Messenger} from its settings: SMTP when a host is configured, .eml files otherwise;
 * and the one {@link EmailMessageBuilder} it builds every message with, which previews use too, so a preview is
 * the message a send would carry.
 */
@ApplicationScoped
public class EmailChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    @Produces
    @Singleton
    EmailMessageBuilder emailMessageBuilder(EffectiveSender sender, Clock clock) {
        return new EmailMessageBuilder(sender, null, clock);
    }

    @Produces
    @Singleton
    Messenger emailMessenger(EmailConfig email, ChannelsConfig channels, EmailMessageBuilder builder,
            MeterRegistry registry) {
        Optional<SmtpSettings> settings = smtpSettings(email);
        if (settings.isPresent()) {
            SmtpMessenger smtp = new SmtpMessenger(settings.get(), builder);
            Gauge.builder("koyomi.smtp.connections", smtp, SmtpMessenger::connectionsInUse).tag("state", "in_use")
                    .description("SMTP connections a send holds now; at smtp-connections, sends wait").register(registry);
            Gauge.builder("koyomi.smtp.connections", smtp, SmtpMessenger::connectionsIdle).tag("state", "idle")
                    .description("Open SMTP connections waiting for the next send").register(registry);
            return smtp;
        }
        Path files = Path.of(channels.outboxDirectory(), "email");
        LOG.infof("No SMTP host configured: emails are written as .eml files under %s", files.toAbsolutePath());
        return new EmailFileMessenger(files, builder);
    }

    /** The SMTP server to send through, or empty for the file outbox. */
    static Optional<SmtpSettings> smtpSettings(EmailConfig email) {
        return email.smtpHost().map(host -> new SmtpSettings(host, email.smtpPort(), email.smtpSecurity(),
                email.smtpUsername().orElse(null), email.smtpPassword().orElse(null), Duration.ofSeconds(10),
                Duration.ofSeconds(30), email.smtpConnections(), Duration.ofSeconds(30)));
    }

    /** Says QUIT to the SMTP server on shutdown. */
    void close(@Disposes Messenger messenger) {
        if (messenger instanceof SmtpMessenger smtp) {
            smtp.close();
        }
    }
}
