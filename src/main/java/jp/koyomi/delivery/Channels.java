package jp.koyomi.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.channel.email.SenderSettings;
import jp.koyomi.channel.email.SmtpMessenger;
import jp.koyomi.channel.email.SmtpSettings;
import jp.koyomi.channel.file.EmailFileMessenger;
import jp.koyomi.channel.file.LineFileMessenger;
import jp.koyomi.channel.line.LineMessenger;
import jp.koyomi.channel.line.LineSettings;
import jp.koyomi.channel.line.PushRateLimiter;

/** Builds the channels from configuration: a real server where one is configured, the file outbox otherwise. */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    /** The messengers the outbox workers drain, one per channel that sends message by message. */
    public record Messengers(List<Messenger> all) {
    }

    @Produces
    @Singleton
    Messengers messengers(ChannelsConfig config, Clock clock) {
        ChannelsConfig.Email email = config.email();
        EmailMessageBuilder builder = new EmailMessageBuilder(new SenderSettings(email.fromAddress(), email.fromName(),
                email.legalName(), email.postalAddress(), email.contact(), email.unsubscribeMailto().orElse(null)), clock);
        Path files = Path.of(config.outboxDirectory());
        Messenger emailMessenger = email.smtpHost()
                .<Messenger>map(host -> new SmtpMessenger(new SmtpSettings(host, email.smtpPort(), email.smtpSecurity(),
                        email.smtpUsername().orElse(null), email.smtpPassword().orElse(null), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), email.smtpConnections(), Duration.ofSeconds(30)), builder))
                .orElseGet(() -> {
                    LOG.infof("No SMTP host configured: emails are written as .eml files under %s",
                            files.resolve("email").toAbsolutePath());
                    return new EmailFileMessenger(files.resolve("email"), builder);
                });
        ChannelsConfig.Line line = config.line();
        Messenger lineMessenger = line.channelAccessToken()
                .<Messenger>map(token -> new LineMessenger(new LineSettings(line.apiBaseUrl(), token, Duration.ofSeconds(10),
                        Duration.ofSeconds(30), line.maxConnections()),
                        new PushRateLimiter(line.pushesPerSecond(), (int) Math.max(1, line.pushesPerSecond() / 10))))
                .orElseGet(() -> {
                    LOG.infof("No LINE channel token configured: LINE pushes are written as JSON files under %s",
                            files.resolve("line").toAbsolutePath());
                    return new LineFileMessenger(files.resolve("line"));
                });
        return new Messengers(List.of(emailMessenger, lineMessenger));
    }
}
