package jp.koyomi.channel.email;

import static jp.koyomi.channel.email.EmailFixtures.builder;
import static jp.koyomi.channel.email.EmailFixtures.coatEmail;
import static jp.koyomi.channel.email.EmailFixtures.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

class EmailMessageBuilderTest {

    /** The bytes a server would receive, read back the way a mail client reads them. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    private static String wire(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldDecodeJapaneseSubjectAndDisplayNamesAfterTheWireRoundTrip() throws Exception {
        MimeMessage received = roundTrip(builder().build(coatEmail(7L, "hina@example.com")));

        assertEquals("【冬物最終セール】北海道の冬に本気のコートを、いまだけ30%オフでお届けします", received.getSubject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("暦ストア", from.getPersonal());
        assertEquals("news@shop.example.jp", from.getAddress());
        InternetAddress to = (InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals("青木 陽菜", to.getPersonal());
        assertEquals("hina@example.com", to.getAddress());
    }

    @Test
    void shouldKeepEveryHeaderLineAsciiAndShortExceptUnbreakableLinks() throws Exception {
        String wire = wire(builder().build(coatEmail(7L, "hina@example.com")));
        String headers = wire.substring(0, wire.indexOf("\r\n\r\n"));

        for (String line : headers.split("\r\n")) {
            boolean link = line.contains("<https:") || line.contains("<mailto:");
            assertTrue(line.length() <= (link ? 998 : 78), line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t'), line);
        }
    }

    @Test
    void shouldCarryOneClickUnsubscribeHeadersAndAStableMessageIdOfTheSenderDomain() throws Exception {
        MimeMessage received = roundTrip(builder().build(coatEmail(7L, "hina@example.com")));

        String listUnsubscribe = received.getHeader("List-Unsubscribe", null).replaceAll("\r\n\\s+", " ");
        assertTrue(listUnsubscribe.startsWith("<https://koyomi.example.jp/unsubscribe/AAAA.BBBB>, <mailto:unsubscribe@shop.example.jp?subject=unsubscribe&body=https%3A%2F%2Fkoyomi.example.jp%2Funsubscribe%2FAAAA.BBBB>"),
                listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
        assertTrue(received.getMessageID().matches("<[0-9a-f-]{36}\\.7@shop\\.example\\.jp>"), received.getMessageID());
        assertEquals(builder().build(coatEmail(7L, "hina@example.com")).getMessageID(), received.getMessageID());
        assertEquals("Fri, 20 Feb 2026 10:00:00 +0900", received.getHeader("Date", null));
    }

    @Test
    void shouldSendTextThenHtmlAlternativesInUtf8WithTheLegalFooterInBoth() throws Exception {
        MimeMessage received = roundTrip(builder().build(coatEmail(7L, "hina@example.com")));

        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertTrue(received.getContentType().startsWith("multipart/alternative"));
        assertEquals(2, alternatives.getCount());
        assertTrue(alternatives.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternatives.getBodyPart(0).getContentType().contains("charset=UTF-8"));
        assertTrue(alternatives.getBodyPart(1).isMimeType("text/html"));
        String text = (String) alternatives.getBodyPart(0).getContent();
        String html = (String) alternatives.getBodyPart(1).getContent();

        assertTrue(text.startsWith("青木 陽菜 様\r\nダウンコート ¥29,900 → ¥20,930\r\n"), text);
        for (String required : new String[] {"送信者: 株式会社暦 & Co.", "住所: 〒060-0001 北海道札幌市中央区北1条西1丁目1-1",
            "お問い合わせ: support@shop.example.jp / 0120-000-000", "配信を停止できます",
            "配信停止: https://koyomi.example.jp/unsubscribe/AAAA.BBBB"}) {
            assertTrue(text.contains(required), required + " in " + text);
        }
        assertTrue(html.contains("送信者: 株式会社暦 &amp; Co."), html);
        assertTrue(html.contains("<a href=\"https://koyomi.example.jp/unsubscribe/AAAA.BBBB\">"), html);
        assertTrue(html.contains("配信を停止できます"), html);
        assertTrue(html.indexOf("配信停止") < html.indexOf("</body>"), "footer inside the body: " + html);
        assertTrue(html.endsWith("</body></html>"), html);
    }

    @Test
    void shouldAppendTheFooterToHtmlWithoutBodyElement() throws Exception {
        MimeMessage received = roundTrip(builder().build(email(1L, "a@example.com", "s", "<p>こんにちは</p>", "こんにちは")));

        String html = (String) ((MimeMultipart) received.getContent()).getBodyPart(1).getContent();
        assertTrue(html.startsWith("<p>こんにちは</p>"), html);
        assertTrue(html.contains("配信停止"), html);
    }

    @Test
    void shouldRejectCarriageReturnOrLineFeedInAnyHeaderValue() {
        EmailMessageBuilder builder = builder();

        EmailRejectedException subject = assertThrows(EmailRejectedException.class,
                () -> builder.build(email(1L, "a@example.com", "Hi\r\nBcc: victim@example.com", "<p>x</p>", "x")));
        assertTrue(subject.getMessage().startsWith("Subject contains a control character"), subject.getMessage());
        assertThrows(EmailRejectedException.class,
                () -> builder.build(email(1L, "a@example.com\nBcc: victim@example.com", "s", "<p>x</p>", "x")));
        assertThrows(EmailRejectedException.class, () -> builder.build(new OutboundMessage(1L,
                UUID.randomUUID(), Channel.EMAIL, "a@example.com", "名前\r\nX-Evil: 1",
                new RenderedMessage.Email("s", "<p>x</p>", "x"), EmailFixtures.UNSUBSCRIBE)));
        assertThrows(IllegalArgumentException.class, () -> new EmailMessageBuilder(new SenderSettings(
                "news@shop.example.jp", "暦\nストア", "株式会社暦", "札幌", "0120", null), EmailFixtures.CLOCK));
    }

    @Test
    void shouldRejectHtmlThatWouldHideTheFooter() {
        EmailMessageBuilder builder = builder();

        EmailRejectedException comment = assertThrows(EmailRejectedException.class,
                () -> builder.build(email(1L, "a@example.com", "s", "<body><p>x</p><!-- ", "x")));
        assertTrue(comment.getMessage().contains("comment"), comment.getMessage());
        EmailRejectedException style = assertThrows(EmailRejectedException.class,
                () -> builder.build(email(1L, "a@example.com", "s", "<body><p>x</p><STYLE>p{}", "x")));
        assertTrue(style.getMessage().contains("<style>"), style.getMessage());
    }

    @Test
    void shouldPlaceTheFooterBeforeTheRealClosingBodyNotOneInsideACommentOrScript() throws Exception {
        String html = "<html><body><p>x</p><!-- </body> --><script>var s='</body>';</script></body></html>";
        MimeMessage received = roundTrip(builder().build(email(1L, "a@example.com", "s", html, "x")));

        String sent = (String) ((MimeMultipart) received.getContent()).getBodyPart(1).getContent();
        assertTrue(sent.indexOf("配信停止") > sent.indexOf("</script>"), sent);
        assertTrue(sent.endsWith("</body></html>"), sent);
    }

    @Test
    void shouldRejectMissingUnsubscribeLinkAndNonEmailContent() {
        EmailMessageBuilder builder = builder();
        OutboundMessage base = coatEmail(1L, "a@example.com");

        assertThrows(EmailRejectedException.class, () -> builder.build(new OutboundMessage(1L,
                base.retryKey(), base.channel(), base.recipient(), base.recipientName(), base.content(), null)));
        assertThrows(EmailRejectedException.class, () -> builder.build(new OutboundMessage(1L,
                base.retryKey(), base.channel(), base.recipient(), base.recipientName(),
                new RenderedMessage.Line(List.of("{}")), base.unsubscribeUrl())));
    }

    @Test
    void shouldQuoteAsciiDisplayNamesWithSpecials() throws Exception {
        OutboundMessage base = coatEmail(1L, "a@example.com");
        OutboundMessage message = new OutboundMessage(1L, base.retryKey(), base.channel(), "a@example.com",
                "Aoki, \"Hina\"", base.content(), base.unsubscribeUrl());

        InternetAddress to = (InternetAddress) roundTrip(builder().build(message)).getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals("Aoki, \"Hina\"", to.getPersonal());
        assertEquals("a@example.com", to.getAddress());
    }
}
