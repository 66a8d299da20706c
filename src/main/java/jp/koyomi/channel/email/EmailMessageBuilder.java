package jp.koyomi.channel.email;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.template.RenderedMessage;

/**
 * Builds the MIME message of one marketing email: multipart/alternative, text then HTML, both
 * UTF-8 and base64 (a third smaller than quoted-printable for Japanese), with the legal footer in
 * both parts, one-click unsubscribe headers and, optionally, a DKIM signature over them. Every
 * header value is checked for CR/LF first.
 * <p>
 * The body is encoded here in one pass and handed to Jakarta Mail as finished bytes: building
 * it with MimeMultipart/setText costs a StreamProvider look-up per part and header and re-encodes
 * on every write. Thread-safe; one instance serves all workers. The sender may change while it
 * runs (an admin edits the settings): each message is built with the sender current at that moment.
 */
public final class EmailMessageBuilder {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF);

    private final Supplier<SenderSettings> senders;
    private final Clock clock;
    private final Session session;
    private final DkimSigner dkim;
    private volatile Identity identity;

    /** What a sender turns into, made again only when the sender changes. */
    private record Identity(SenderSettings sender, LegalFooter footer, String from, String mailto, String replyTo) {

        static Identity of(SenderSettings sender) {
            try {
                return new Identity(sender, new LegalFooter(sender), HeaderText.mailbox("From", sender.fromName(), sender.fromAddress()),
                        sender.unsubscribeMailto() == null ? null : HeaderText.address("unsubscribeMailto", sender.unsubscribeMailto()),
                        sender.replyTo() == null ? null : HeaderText.address("Reply-To", sender.replyTo()));
            } catch (EmailRejectedException e) {
                throw new IllegalArgumentException("sender settings: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Without DKIM: for a relay that signs, or for the file outbox.
     *
     * @throws IllegalArgumentException when the sender's address or name cannot go into a header
     */
    public EmailMessageBuilder(SenderSettings sender, Clock clock) {
        this(sender, null, clock);
    }

    /**
     * @param dkim the sending domain's DKIM key, or null to leave signing to the relay
     * @throws IllegalArgumentException when the sender's address or name cannot go into a header
     */
    public EmailMessageBuilder(SenderSettings sender, DkimSettings dkim, Clock clock) {
        this(fixed(Objects.requireNonNull(sender, "sender")), dkim, clock);
        this.identity = Identity.of(sender);
    }

    /**
     * @param senders the sender in force, asked for every message (see {@link EffectiveSender})
     * @param dkim    the sending domain's DKIM key, or null to leave signing to the relay
     */
    public EmailMessageBuilder(Supplier<SenderSettings> senders, DkimSettings dkim, Clock clock) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.dkim = dkim == null ? null : new DkimSigner(dkim);
        this.clock = Objects.requireNonNull(clock, "clock");
        // Only used as the messages' home; sending happens on the SMTP messenger's own session.
        this.session = Session.getInstance(new Properties());
    }

    private static Supplier<SenderSettings> fixed(SenderSettings sender) {
        return () -> sender;
    }

    /**
     * The identity of the sender in force.
     *
     * @throws IllegalStateException when the sender's address or name cannot go into a header
     */
    private Identity identity() {
        SenderSettings sender = senders.get();
        Identity current = identity;
        if (current == null || current.sender() != sender) {
            try {
                current = Identity.of(sender);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            identity = current;
        }
        return current;
    }

    /**
     * @throws EmailRejectedException when the message is not an email, lacks an unsubscribe link, has
     *                                a header value with CR/LF, or an HTML part that would hide the footer
     */
    public MimeMessage build(OutboundMessage message) throws EmailRejectedException {
        if (!(message.content() instanceof RenderedMessage.Email email)) {
            throw new EmailRejectedException("delivery " + message.deliveryId() + " is not an email");
        }
        Identity sender = identity();
        URI unsubscribe = unsubscribeUrl(message.unsubscribeUrl());
        String to = HeaderText.mailbox("To", message.recipientName(), message.recipient());
        String subject = HeaderText.unstructured("Subject", email.subject());
        String text = sender.footer().appendToText(crlf(nullToEmpty(email.text())), unsubscribe);
        String html = sender.footer().insertIntoHtml(crlf(nullToEmpty(email.html())), unsubscribe);
        String boundary = "=_koyomi_" + message.retryKey().toString().replace("-", "");

        byte[] body = body(boundary, text, html);
        MimeMessage mime = new PreparedMimeMessage(session, body);
        try {
            mime.setHeader("Date", DATE.format(ZonedDateTime.now(clock)));
            mime.setHeader("From", sender.from());
            if (sender.replyTo() != null) {
                mime.setHeader("Reply-To", sender.replyTo());
            }
            mime.setHeader("To", to);
            mime.setHeader("Subject", subject);
            // Stable across retries of the delivery, so receivers that de-duplicate by Message-ID can.
            mime.setHeader("Message-ID", "<" + message.retryKey() + "." + message.deliveryId() + "@" + sender.sender().domain() + ">");
            mime.setHeader("MIME-Version", "1.0");
            mime.setHeader("List-Unsubscribe", listUnsubscribe(unsubscribe, sender.mailto()));
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mime.setHeader("Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\"");
            mime.setHeader("Content-Transfer-Encoding", "7bit");
            if (dkim != null) {
                dkim.sign(mime, body, clock.instant());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("setting a header on an in-memory message cannot fail", e);
        }
        return mime;
    }

    private static String listUnsubscribe(URI unsubscribe, String mailto) {
        String https = "<" + unsubscribe.toASCIIString() + ">";
        if (mailto == null) {
            return https;
        }
        // The body carries the signed URL, so whoever reads that mailbox can verify the request
        // instead of trusting the (forgeable) From of the unsubscribe email.
        String body = URLEncoder.encode(unsubscribe.toASCIIString(), StandardCharsets.UTF_8);
        return https + ",\r\n <mailto:" + mailto + "?subject=unsubscribe&body=" + body + ">";
    }

    private static URI unsubscribeUrl(URI url) throws EmailRejectedException {
        if (url == null) {
            throw new EmailRejectedException("a marketing email needs an unsubscribe link");
        }
        HeaderText.requireSingleLine("List-Unsubscribe", url.toString());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // RFC 8058 wants HTTPS; plain http is let through for local demo runs on localhost.
        if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new EmailRejectedException("unsubscribe link must be an absolute https URL: " + url);
        }
        return url;
    }

    private static byte[] body(String boundary, String text, String html) {
        byte[] textPart = BASE64.encode(text.getBytes(StandardCharsets.UTF_8));
        byte[] htmlPart = BASE64.encode(html.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream(textPart.length + htmlPart.length + 400);
        ascii(out, "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(textPart);
        ascii(out, "\r\n--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(htmlPart);
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Text in MIME is CRLF-delimited in its canonical form, which is what base64 must carry. */
    private static String crlf(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + s.length() / 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append("\r\n");
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append("\r\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
