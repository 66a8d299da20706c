package jp.koyomi.channel.email;

import static jp.koyomi.channel.email.EmailFixtures.CLOCK;
import static jp.koyomi.channel.email.EmailFixtures.SENDER;
import static jp.koyomi.channel.email.EmailFixtures.coatEmail;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jp.koyomi.delivery.SendResult;

/** Checks signatures the way a receiving server does, with a verifier written separately from the signer. */
class DkimSignerTest {

    private static KeyPair keys;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static EmailMessageBuilder signingBuilder() {
        return new EmailMessageBuilder(SENDER, new DkimSettings("shop.example.jp", "koyomi", (RSAPrivateKey) keys.getPrivate()), CLOCK);
    }

    private static String wire(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldSignSoThatAReceiverVerifiesAndTheSignatureCoversBothUnsubscribeHeaders() throws Exception {
        String raw = wire(signingBuilder().build(coatEmail(5L, "hina@example.com")));

        Map<String, String> tags = Verifier.tags(raw);
        assertTrue(tags.get("h").contains("list-unsubscribe:") && tags.get("h").contains("list-unsubscribe-post"), tags.get("h"));
        assertTrue(Verifier.verifies(raw, keys.getPublic()));
    }

    @Test
    void shouldNoLongerVerifyWhenTheUnsubscribeLinkIsChanged() throws Exception {
        String raw = wire(signingBuilder().build(coatEmail(5L, "hina@example.com")));

        assertFalse(Verifier.verifies(raw.replace("unsubscribe/AAAA.BBBB>", "unsubscribe/EVIL.BBBB>"), keys.getPublic()));
    }

    @Test
    void shouldNoLongerVerifyWhenASecondListUnsubscribeIsAdded() throws Exception {
        String raw = wire(signingBuilder().build(coatEmail(5L, "hina@example.com")));

        String injected = "List-Unsubscribe: <https://evil.example/>\r\n" + raw;
        assertFalse(Verifier.verifies(injected, keys.getPublic()));
    }

    @Test
    void shouldNoLongerVerifyWhenTheBodyIsChanged() throws Exception {
        String raw = wire(signingBuilder().build(coatEmail(5L, "hina@example.com")));
        int body = raw.indexOf("\r\n\r\n") + 4;
        int lineEnd = raw.indexOf("\r\n", raw.indexOf("base64\r\n\r\n", body) + 10);
        String altered = raw.substring(0, lineEnd - 4) + "AAAA" + raw.substring(lineEnd);

        assertFalse(Verifier.verifies(altered, keys.getPublic()));
    }

    @Test
    void shouldStillVerifyAfterTravellingThroughAnSmtpServer() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (SmtpMessenger messenger = new SmtpMessenger(SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort()),
                signingBuilder())) {
            assertInstanceOf(SendResult.Sent.class, messenger.send(coatEmail(6L, "hina@example.com")));

            MimeMessage received = smtp.getReceivedMessages()[0];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            received.writeTo(out);
            String raw = out.toString(StandardCharsets.ISO_8859_1);
            // GreenMail adds its Received and Return-Path headers on top, as a real server would.
            assertTrue(Verifier.verifies(raw, keys.getPublic()), raw.substring(0, raw.indexOf("\r\n\r\n")));
        } finally {
            smtp.stop();
        }
    }

    /** A minimal rsa-sha256 relaxed/relaxed verifier after RFC 6376 sections 3.4 and 6.1. */
    private static final class Verifier {

        static boolean verifies(String raw, PublicKey key) throws Exception {
            int split = raw.indexOf("\r\n\r\n");
            List<String[]> fields = fields(raw.substring(0, split + 2));
            String body = raw.substring(split + 4);
            String[] dkim = fields.stream().filter(f -> f[0].equalsIgnoreCase("DKIM-Signature")).findFirst().orElseThrow();
            Map<String, String> tags = tags(dkim[1]);

            String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
            if (!bodyHash.equals(tags.get("bh"))) {
                return false;
            }
            StringBuilder data = new StringBuilder();
            Map<String, Integer> taken = new HashMap<>();
            for (String name : tags.get("h").split(":")) {
                String lower = name.strip().toLowerCase(Locale.ROOT);
                List<String[]> same = fields.stream().filter(f -> f[0].equalsIgnoreCase(lower)).toList();
                int n = taken.merge(lower, 1, Integer::sum);
                if (n <= same.size()) {
                    String[] field = same.get(same.size() - n);
                    data.append(lower).append(':').append(relaxedValue(field[1])).append("\r\n");
                }
            }
            String withoutB = dkim[1].replaceAll("(^|;)(\\s*b\\s*=)[^;]*", "$1$2");
            data.append("dkim-signature:").append(relaxedValue(withoutB));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
        }

        static Map<String, String> tags(String rawOrValue) {
            String value = rawOrValue;
            int at = rawOrValue.indexOf("DKIM-Signature:");
            if (at >= 0) {
                int end = at;
                do {
                    end = rawOrValue.indexOf("\r\n", end + 2);
                } while (rawOrValue.charAt(end + 2) == ' ' || rawOrValue.charAt(end + 2) == '\t');
                value = rawOrValue.substring(at + "DKIM-Signature:".length(), end);
            }
            Map<String, String> tags = new HashMap<>();
            for (String tag : value.split(";")) {
                int eq = tag.indexOf('=');
                if (eq > 0) {
                    tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("\\s", ""));
                }
            }
            return tags;
        }

        private static List<String[]> fields(String headerBlock) {
            List<String[]> fields = new ArrayList<>();
            for (String field : headerBlock.split("\r\n(?![ \t])")) {
                int colon = field.indexOf(':');
                fields.add(new String[] {field.substring(0, colon).strip(), field.substring(colon + 1)});
            }
            return fields;
        }

        private static String relaxedValue(String value) {
            return value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        }

        private static String relaxedBody(String body) {
            List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
            lines.replaceAll(line -> line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
        }
    }
}
