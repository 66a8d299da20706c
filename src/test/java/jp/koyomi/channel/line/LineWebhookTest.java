package jp.koyomi.channel.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.linecorp.bot.parser.LineSignatureValidator;

class LineWebhookTest {

    private static final String SECRET = "8d7f5a0c3b2e1f4a6b9c0d1e2f3a4b5c";
    private static final String BODY = """
            {"destination":"Ubrand","events":[
              {"type":"follow","timestamp":1771549200000,"mode":"active","webhookEventId":"01HFOLLOW",
               "deliveryContext":{"isRedelivery":false},"replyToken":"r1",
               "source":{"type":"user","userId":"Ufollower"},"follow":{"isUnblocked":true}},
              {"type":"message","timestamp":1771549201000,"mode":"active","webhookEventId":"01HMESSAGE",
               "deliveryContext":{"isRedelivery":false},"replyToken":"r2","source":{"type":"user","userId":"Ufollower"},
               "message":{"type":"text","id":"1","quoteToken":"q","text":"こんにちは"}},
              {"type":"unfollow","timestamp":1771549202000,"mode":"active","webhookEventId":"01HUNFOLLOW",
               "deliveryContext":{"isRedelivery":true},"source":{"type":"user","userId":"Uleaver"}}
            ]}""";

    private final LineWebhook webhook = new LineWebhook(SECRET);

    private static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(new LineSignatureValidator(secret.getBytes(StandardCharsets.UTF_8))
                .generateSignature(body));
    }

    @Test
    void shouldReturnFollowAndUnfollowEventsOfASignedCall() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        List<LineConsentEvent> events = webhook.consentEvents(sign(SECRET, body), body);

        assertEquals(List.of(
                new LineConsentEvent(LineConsentEvent.Change.FOLLOW, "Ufollower", "01HFOLLOW",
                        Instant.ofEpochMilli(1771549200000L), false),
                new LineConsentEvent(LineConsentEvent.Change.UNFOLLOW, "Uleaver", "01HUNFOLLOW",
                        Instant.ofEpochMilli(1771549202000L), true)), events);
    }

    @Test
    void shouldRejectASignatureMadeWithAnotherSecret() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThrows(InvalidSignatureException.class,
                () -> webhook.consentEvents(sign("another-channel-secret-000000000", body), body));
    }

    @Test
    void shouldRejectABodyChangedAfterSigning() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signature = sign(SECRET, body);
        byte[] altered = BODY.replace("Uleaver", "Uvictim").getBytes(StandardCharsets.UTF_8);

        assertThrows(InvalidSignatureException.class, () -> webhook.consentEvents(signature, altered));
    }

    @Test
    void shouldRejectMissingOrGarbledSignatures() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThrows(InvalidSignatureException.class, () -> webhook.consentEvents(null, body));
        assertThrows(InvalidSignatureException.class, () -> webhook.consentEvents("", body));
        assertThrows(InvalidSignatureException.class, () -> webhook.consentEvents("not base64 at all!", body));
    }

    @Test
    void shouldTellASignedButMalformedBodyApartFromAForgery() {
        byte[] body = "{\"destination\":".getBytes(StandardCharsets.UTF_8);

        assertThrows(MalformedWebhookException.class, () -> webhook.consentEvents(sign(SECRET, body), body));
    }
}
