package jp.koyomi.channel.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.channel.email.EmailFileMessenger;
import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.channel.email.SenderSettings;
import jp.koyomi.channel.line.LineFileMessenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

class FileMessengersTest {

    private static final EmailMessageBuilder BUILDER = new EmailMessageBuilder(
            new SenderSettings("news@shop.example.jp", "暦ストア", "株式会社暦", "北海道札幌市中央区北1条西1丁目1-1",
                    "0120-000-000", null),
            Clock.fixed(Instant.parse("2026-02-20T01:00:00Z"), ZoneId.of("Asia/Tokyo")));

    @TempDir
    Path outbox;

    private static OutboundMessage email(long id, String subject) {
        return new OutboundMessage(id, UUID.randomUUID(), Channel.EMAIL, "hina@example.com", "青木 陽菜",
                new RenderedMessage.Email(subject, "<p>本文</p>", "本文"), URI.create("http://localhost:8080/unsubscribe/A.B"));
    }

    private static OutboundMessage line(long id, String... json) {
        return new OutboundMessage(id, UUID.randomUUID(), Channel.LINE, "Uabc", "青木 陽菜",
                new RenderedMessage.Line(List.of(json)), null);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void shouldWriteEachEmailAsAnEmlFileAMailClientCanRead() throws Exception {
        Path dir = outbox.resolve("email");
        SendResult result = new EmailFileMessenger(dir, BUILDER).send(email(42L, "冬のコート"));

        assertEquals(new SendResult.Sent(dir.resolve("42.eml").toAbsolutePath().toString()), result);
        try (InputStream in = Files.newInputStream(dir.resolve("42.eml"))) {
            MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("冬のコート", eml.getSubject());
            assertEquals("List-Unsubscribe=One-Click", eml.getHeader("List-Unsubscribe-Post", null));
            String text = (String) ((MimeMultipart) eml.getContent()).getBodyPart(0).getContent();
            assertTrue(text.contains("配信停止: http://localhost:8080/unsubscribe/A.B"), text);
        }
    }

    @Test
    void shouldOverwriteOnRetryInsteadOfWritingASecondFile() throws Exception {
        EmailFileMessenger messenger = new EmailFileMessenger(outbox, BUILDER);

        messenger.send(email(7L, "一回目"));
        messenger.send(email(7L, "二回目"));

        assertEquals(List.of(outbox.resolve("7.eml")), files(outbox));
        try (InputStream in = Files.newInputStream(outbox.resolve("7.eml"))) {
            assertEquals("二回目", new MimeMessage(Session.getInstance(new Properties()), in).getSubject());
        }
    }

    @Test
    void shouldWriteEachLinePushAsTheRequestBodyLineWouldReceive() throws Exception {
        Path dir = outbox.resolve("line");
        String text = "{\"type\":\"text\",\"text\":\"こんにちは\"}";

        SendResult result = new LineFileMessenger(dir).send(line(9L, text));

        assertInstanceOf(SendResult.Sent.class, result);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree("{\"to\":\"Uabc\",\"messages\":[" + text + "]}"), json.readTree(dir.resolve("9.json").toFile()));
    }

    @Test
    void shouldFailLinePushesThatLineWouldRefuseWithoutWritingThem() throws Exception {
        String text = "{\"type\":\"text\",\"text\":\"x\"}";

        SendResult result = new LineFileMessenger(outbox).send(line(9L, text, text, text, text, text, text));

        assertInstanceOf(SendResult.Failed.class, result);
        assertEquals(List.of(), files(outbox));
    }

    @Test
    void shouldFailRejectedEmailsWithoutWritingThem() throws Exception {
        SendResult result = new EmailFileMessenger(outbox, BUILDER).send(email(3L, "件名\r\nBcc: x@example.com"));

        assertInstanceOf(SendResult.Failed.class, result);
        assertEquals(List.of(), files(outbox));
    }
}
