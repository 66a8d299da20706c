package jp.koyomi.channel.line;

import static jp.koyomi.channel.line.LineFixtures.FLEX;
import static jp.koyomi.channel.line.LineFixtures.TEXT;
import static jp.koyomi.channel.line.LineFixtures.USER;
import static jp.koyomi.channel.line.LineFixtures.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;

class LinePushRequestsTest {

    private final LinePushRequests requests = new LinePushRequests();

    private static String text(int length) {
        return "{\"type\":\"text\",\"text\":\"" + "あ".repeat(length) + "\"}";
    }

    @Test
    void shouldTurnRenderedJsonIntoTheSdkMessagesAndBackIntoTheSameBody() throws Exception {
        PushMessageRequest request = requests.of(push(1L, UUID.randomUUID(), TEXT, FLEX));

        assertEquals(USER, request.to());
        assertTrue(request.messages().get(0) instanceof TextMessage);
        assertTrue(request.messages().get(1) instanceof FlexMessage);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree("{\"to\":\"" + USER + "\",\"messages\":[" + TEXT + "," + FLEX + "]}"),
                json.readTree(requests.json(request)));
    }

    @Test
    void shouldRejectMoreThanFiveMessages() {
        LineMessageRejectedException e = assertThrows(LineMessageRejectedException.class,
                () -> requests.of(push(1L, UUID.randomUUID(), TEXT, TEXT, TEXT, TEXT, TEXT, TEXT)));

        assertTrue(e.getMessage().contains("at most 5 messages"), e.getMessage());
    }

    @Test
    void shouldAcceptTextOfExactlyTheLimitAndRejectOneMore() throws Exception {
        requests.of(push(1L, UUID.randomUUID(), text(5_000)));

        LineMessageRejectedException e = assertThrows(LineMessageRejectedException.class,
                () -> requests.of(push(1L, UUID.randomUUID(), text(5_001))));
        assertTrue(e.getMessage().contains("text has 5001 characters, LINE allows 5000"), e.getMessage());
    }

    @Test
    void shouldRejectAltTextOverTheLimit() {
        String flex = FLEX.replace("冬のコート 30%オフ", "冬".repeat(1_501));

        LineMessageRejectedException e = assertThrows(LineMessageRejectedException.class,
                () -> requests.of(push(1L, UUID.randomUUID(), flex)));
        assertTrue(e.getMessage().contains("altText has 1501 characters"), e.getMessage());
    }

    @Test
    void shouldRejectWhatTheSdkWouldSilentlyDropOrGarble() {
        assertThrows(LineMessageRejectedException.class,
                () -> requests.of(push(1L, UUID.randomUUID(), "{\"type\":\"hologram\",\"text\":\"x\"}")));
        assertThrows(LineMessageRejectedException.class,
                () -> requests.of(push(1L, UUID.randomUUID(), "{\"type\":\"text\",\"text\":\"x\",\"textColour\":\"red\"}")));
        assertThrows(LineMessageRejectedException.class, () -> requests.of(push(1L, UUID.randomUUID(), "{\"type\":")));
        assertThrows(LineMessageRejectedException.class, () -> requests.of(push(1L, UUID.randomUUID(), "[1,2]")));
        assertThrows(LineMessageRejectedException.class, () -> requests.of(push(1L, UUID.randomUUID())));
    }
}
