package jp.koyomi.preview;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.channel.email.EmailRejectedException;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.TemplateProblem;
import jp.koyomi.template.TemplateRejectedException;

/**
 * The email preview: the MIME message the senders write (built by the same {@link EmailMessageBuilder}),
 * written to bytes and read back as a mail client reads it, so what is shown is what goes out.
 */
final class EmailPreviews {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final EmailMessageBuilder builder;

    EmailPreviews(EmailMessageBuilder builder) {
        this.builder = builder;
    }

    /** @throws TemplateRejectedException when the sender would refuse the message (e.g. HTML that hides the footer) */
    MessagePreview.Email preview(OutboundMessage message, MessagePreview.Recipient recipient) {
        try {
            MimeMessage sent = read(builder.build(message));
            MimeMultipart parts = (MimeMultipart) sent.getContent();
            return new MessagePreview.Email(Channel.EMAIL, recipient, mailbox(sent.getFrom()[0]),
                    recipient.reachable() ? mailbox(sent.getRecipients(MimeMessage.RecipientType.TO)[0]) : null,
                    sent.getSubject(), part(parts, "text/html"), part(parts, "text/plain"),
                    MimeUtility.unfold(sent.getHeader("List-Unsubscribe", null)),
                    sent.getHeader("List-Unsubscribe-Post", null), message.unsubscribeUrl().toString());
        } catch (EmailRejectedException e) {
            throw new TemplateRejectedException(List.of(new TemplateProblem(partOf(e.getMessage()), null, null,
                    "a send would fail: " + e.getMessage())));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the built email does not read back", e);
        }
    }

    private static MimeMessage read(MimeMessage built) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        built.writeTo(bytes);
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String mailbox(jakarta.mail.Address address) {
        return ((InternetAddress) address).toUnicodeString();
    }

    private static String part(MimeMultipart parts, String type) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new IllegalStateException("the built email has no " + type + " part");
    }

    /** Which template part a refusal is about, so the editor shows it there: the builder names subject and HTML. */
    private static String partOf(String reason) {
        if (reason.startsWith("Subject")) {
            return "subject";
        }
        return reason.startsWith("HTML") ? "html" : "email";
    }
}
