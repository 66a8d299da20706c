package jp.koyomi.channel.email;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the SMTP server.
 *
 * @param username        null or blank for a server that needs no AUTH
 * @param password        used with {@code username}; never logged
 * @param maxConnections  connections open at once; workers beyond this wait for one to come back
 * @param idleCheckAfter  a pooled connection idle longer than this is checked with NOOP before use,
 *                        so a connection the server dropped is not found out in the middle of a message
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, String username, String password,
        Duration connectTimeout, Duration readTimeout, int maxConnections, Duration idleCheckAfter) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleCheckAfter, "idleCheckAfter");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** Plain SMTP without AUTH, with sensible timeouts: a local relay, MailHog or GreenMail. */
    public static SmtpSettings plain(String host, int port) {
        return new SmtpSettings(host, port, SmtpSecurity.NONE, null, null,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(30));
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxConnections=" + maxConnections
                + ", idleCheckAfter=" + idleCheckAfter + "]";
    }
}
