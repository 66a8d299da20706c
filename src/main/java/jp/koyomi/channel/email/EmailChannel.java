package jp.koyomi.channel.email;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.Messenger;

/** Provides the email {@link Messenger} from its settings: SMTP when a host is configured, .eml files otherwise. */
@ApplicationScoped
public class EmailChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    @Produces
    @Singleton
    Messenger emailMessenger(EmailConfig email, ChannelsConfig channels, Clock clock) {
        EmailMessageBuilder builder = new EmailMessageBuilder(new SenderSettings(email.fromAddress(), email.fromName(),
                email.legalName(), email.postalAddress(), email.contact(), email.unsubscribeMailto().orElse(null)), clock);
        if (email.smtpHost().isPresent()) {
            return new SmtpMessenger(new SmtpSettings(email.smtpHost().get(), email.smtpPort(), email.smtpSecurity(),
                    email.smtpUsername().orElse(null), email.smtpPassword().orElse(null), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), email.smtpConnections(), Duration.ofSeconds(30)), builder);
        }
        Path files = Path.of(channels.outboxDirectory(), "email");
        LOG.infof("No SMTP host configured: emails are written as .eml files under %s", files.toAbsolutePath());
        return new EmailFileMessenger(files, builder);
    }

    /** Says QUIT to the SMTP server on shutdown. */
    void close(@Disposes Messenger messenger) {
        if (messenger instanceof SmtpMessenger smtp) {
            smtp.close();
        }
    }
}
