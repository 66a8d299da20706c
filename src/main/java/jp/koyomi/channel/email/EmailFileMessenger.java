package jp.koyomi.channel.email;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import jp.koyomi.channel.file.OutboxDirectory;
import jp.koyomi.delivery.Messenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;

/**
 * Writes each email as {@code <deliveryId>.eml}, byte for byte the message SMTP would carry, so any
 * mail client opens it with its footer and unsubscribe headers.
 */
public final class EmailFileMessenger implements Messenger {

    private final OutboxDirectory directory;
    private final EmailMessageBuilder builder;

    /** @param directory e.g. {@code ./outbox/email}, created when the first email is written */
    public EmailFileMessenger(Path directory, EmailMessageBuilder builder) {
        this.directory = new OutboxDirectory(directory);
        this.builder = builder;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        MimeMessage mime;
        try {
            mime = builder.build(message);
        } catch (EmailRejectedException e) {
            return new SendResult.Failed(e.getMessage());
        }
        try {
            Path file = directory.write(message.deliveryId() + ".eml", out -> {
                try {
                    mime.writeTo(out);
                } catch (MessagingException e) {
                    throw new IOException(e);
                }
            });
            return new SendResult.Sent(file.toString());
        } catch (IOException e) {
            return new SendResult.Retry("cannot write to " + directory.path() + ": " + e.getMessage(), Duration.ZERO);
        }
    }
}
