package jp.koyomi.channel.email;

import java.time.Duration;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import jp.koyomi.delivery.Messenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;

/**
 * Sends marketing email over SMTP. One instance serves all email workers: each send borrows a
 * pooled connection, so connections are reused across sends and several send in parallel.
 * Close it on shutdown to say QUIT to the server.
 */
public final class SmtpMessenger implements Messenger, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpMessenger.class);

    private final EmailMessageBuilder builder;
    private final SmtpConnectionPool pool;
    private final int connections;

    public SmtpMessenger(SmtpSettings settings, EmailMessageBuilder builder) {
        this.builder = builder;
        this.pool = new SmtpConnectionPool(settings);
        this.connections = settings.maxConnections();
    }

    /** One worker per connection: more would only wait for one to come back. */
    @Override
    public int parallelSends() {
        return connections;
    }

    /** Connections taken by a send right now (connecting included), for the pool gauge. */
    public int connectionsInUse() {
        return pool.inUse();
    }

    /** Connected and waiting for the next send. */
    public int connectionsIdle() {
        return pool.idle();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        MimeMessage mime;
        Address[] recipients;
        try {
            mime = builder.build(message);
            recipients = new Address[] {new InternetAddress(message.recipient().trim(), true)};
        } catch (EmailRejectedException | AddressException e) {
            return new SendResult.Failed(e.getMessage());
        }
        SmtpConnectionPool.Connection connection;
        try {
            connection = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("interrupted while waiting for an SMTP connection", Duration.ZERO);
        } catch (MessagingException e) {
            return logged(message, SmtpOutcome.of(e));
        }
        try {
            connection.transport.sendMessage(mime, recipients);
            pool.giveBack(connection);
            return new SendResult.Sent(messageId(mime));
        } catch (MessagingException e) {
            pool.discard(connection);
            return logged(message, SmtpOutcome.of(e));
        } catch (RuntimeException e) {
            pool.discard(connection);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static SendResult logged(OutboundMessage message, SendResult result) {
        // Delivery id and the server's reply only: never the body, the recipient's data or the links in it.
        // DEBUG: the outbox logs one summary per batch, so an outage is not a warning per delivery.
        LOG.debugf("email delivery %d not sent: %s", message.deliveryId(), result);
        return result;
    }

    private static String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
