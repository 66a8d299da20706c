package jp.koyomi.channel.email;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Whether the SMTP server answers: connects as the sender does (STARTTLS or TLS and AUTH as
 * configured, EHLO), asks NOOP and says QUIT. No message is sent. Short timeouts, so a status page
 * waits seconds, not the sender's 30.
 */
@ApplicationScoped
public class SmtpCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    EmailConfig email;

    /** @param server host:port, never the user name or password */
    public record Result(boolean reachable, String server, String detail) {
    }

    /** Empty when no SMTP host is configured: email goes to the file outbox. */
    public Optional<Result> check() {
        return EmailChannel.smtpSettings(email).map(SmtpCheck::check);
    }

    static Result check(SmtpSettings configured) {
        SmtpSettings settings = new SmtpSettings(configured.host(), configured.port(), configured.security(),
                configured.username(), configured.password(), TIMEOUT, TIMEOUT, 1, configured.idleCheckAfter());
        String server = settings.host() + ":" + settings.port();
        String protocol = settings.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
        Transport transport = null;
        try {
            transport = Session.getInstance(SmtpConnectionPool.properties(settings, protocol)).getTransport(protocol);
            transport.connect(settings.host(), settings.port(), settings.authenticates() ? settings.username() : null,
                    settings.authenticates() ? settings.password() : null);
            // isConnected() sends NOOP and reads the reply.
            return transport.isConnected() ? new Result(true, server, "EHLO and NOOP answered")
                    : new Result(false, server, "the server closed the connection after EHLO");
        } catch (MessagingException e) {
            return new Result(false, server, reason(e));
        } finally {
            close(transport);
        }
    }

    /** The innermost cause, e.g. "ConnectException: Connection refused"; server replies carry no secrets. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().strip());
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // Nothing to do: the check already has its answer.
        }
    }
}
