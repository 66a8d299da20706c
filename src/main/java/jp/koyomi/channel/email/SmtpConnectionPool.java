package jp.koyomi.channel.email;

import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.jboss.logging.Logger;

/**
 * Connected SMTP transports shared by the worker threads: a worker takes one, sends, and gives it
 * back, so each worker keeps reusing a warm connection and up to {@code maxConnections} send in
 * parallel. A pool rather than one connection per thread, so virtual threads cannot open one each.
 */
final class SmtpConnectionPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpConnectionPool.class);

    /** A transport and when it was last known to work. */
    static final class Connection {
        final Transport transport;
        long lastUsedNanos;

        Connection(Transport transport) {
            this.transport = transport;
            this.lastUsedNanos = System.nanoTime();
        }
    }

    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;
    private final int size;
    private final Semaphore permits;
    // LIFO: the most recently used connection is the one most likely still open.
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    SmtpConnectionPool(SmtpSettings settings) {
        this.settings = settings;
        this.protocol = settings.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol));
        this.size = settings.maxConnections();
        this.permits = new Semaphore(size, true);
    }

    /** Connections a sender holds now, the ones being opened included. */
    int inUse() {
        return size - permits.availablePermits();
    }

    /** Open connections waiting in the pool. */
    int idle() {
        return idle.size();
    }

    /** A connected transport, reused when one is idle; blocks while all connections are busy. */
    Connection take() throws MessagingException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("SMTP connection pool is closed");
        }
        permits.acquire();
        try {
            Connection pooled;
            while ((pooled = idle.pollFirst()) != null) {
                if (stillOpen(pooled)) {
                    return pooled;
                }
                closeQuietly(pooled);
            }
            return new Connection(connect());
        } catch (MessagingException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection that worked, for the next send. */
    void giveBack(Connection connection) {
        connection.lastUsedNanos = System.nanoTime();
        if (closed) {
            closeQuietly(connection);
        } else {
            idle.offerFirst(connection);
        }
        permits.release();
    }

    /** Drops a connection after a failure: its state is unknown, the next send opens a fresh one. */
    void discard(Connection connection) {
        closeQuietly(connection);
        permits.release();
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    private boolean stillOpen(Connection connection) {
        if (System.nanoTime() - connection.lastUsedNanos < settings.idleCheckAfter().toNanos()) {
            return true;
        }
        // isConnected() costs a NOOP round trip: only worth it after a pause.
        return connection.transport.isConnected();
    }

    private Transport connect() throws MessagingException {
        Transport transport;
        try {
            transport = session.getTransport(protocol);
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("no Jakarta Mail provider for " + protocol, e);
        }
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            transport.connect(settings.host(), settings.port(), null, null);
        }
        LOG.debugf("opened SMTP connection to %s:%d", settings.host(), settings.port());
        return transport;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing SMTP connection: %s", e.getMessage());
        }
    }

    /** The session properties of a connection with these settings; {@link SmtpCheck} connects the same way. */
    static Properties properties(SmtpSettings settings, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        props.setProperty(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(settings.readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        props.setProperty(p + "auth", Boolean.toString(settings.authenticates()));
        if (settings.security() == SmtpSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (settings.security() != SmtpSecurity.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        // Jakarta Mail's debug output includes the AUTH exchange, i.e. the password.
        props.setProperty("mail.debug", "false");
        return props;
    }
}
