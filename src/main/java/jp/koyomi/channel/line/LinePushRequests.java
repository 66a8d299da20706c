package jp.koyomi.channel.line;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.template.RenderedMessage;

/**
 * Turns a rendered LINE message (JSON objects of the Messaging API) into the SDK's push request,
 * after checking LINE's limits so a message LINE would refuse fails here with a clear reason.
 * <p>
 * The SDK reads unknown message types as {@code UnknownMessage} and drops properties it does not
 * know, so each message is written back and compared with what the template produced: a push
 * goes out exactly as rendered or not at all. Thread-safe.
 */
public final class LinePushRequests {

    static final int MAX_MESSAGES = 5;
    static final int MAX_TEXT = 5_000;
    static final int MAX_ALT_TEXT = 1_500;

    // The SDK's own Jackson set-up, the one its client serialises requests with.
    private final ObjectMapper mapper = ModelObjectMapper.createNewObjectMapper();

    public PushMessageRequest of(OutboundMessage message) throws LineMessageRejectedException {
        if (!(message.content() instanceof RenderedMessage.Line line)) {
            throw new LineMessageRejectedException("delivery " + message.deliveryId() + " is not a LINE message");
        }
        if (message.recipient() == null || message.recipient().isBlank()) {
            throw new LineMessageRejectedException("no LINE user id to push to");
        }
        List<String> json = line.messagesJson();
        if (json == null || json.isEmpty()) {
            throw new LineMessageRejectedException("a LINE push needs at least one message");
        }
        if (json.size() > MAX_MESSAGES) {
            throw new LineMessageRejectedException("LINE allows at most " + MAX_MESSAGES + " messages per push, got " + json.size());
        }
        List<Message> messages = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            messages.add(message(i + 1, json.get(i)));
        }
        return new PushMessageRequest(message.recipient(), messages, null, null);
    }

    /** The request body exactly as the SDK sends it. */
    public String json(PushMessageRequest request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK's own request type did not serialise", e);
        }
    }

    private Message message(int number, String json) throws LineMessageRejectedException {
        JsonNode rendered;
        try {
            rendered = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LineMessageRejectedException("message " + number + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (rendered == null || !rendered.isObject()) {
            throw new LineMessageRejectedException("message " + number + " is not a JSON object");
        }
        checkLength(number, rendered, "text", MAX_TEXT);
        checkLength(number, rendered, "altText", MAX_ALT_TEXT);
        try {
            Message sdk = mapper.treeToValue(rendered, Message.class);
            if (!rendered.equals(mapper.valueToTree(sdk))) {
                throw new LineMessageRejectedException("message " + number + " of type '" + rendered.path("type").asText()
                        + "' has parts the LINE SDK does not know and would drop");
            }
            return sdk;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LineMessageRejectedException("message " + number + " is not a LINE message: " + e.getMessage());
        }
    }

    private static void checkLength(int number, JsonNode message, String field, int max) throws LineMessageRejectedException {
        JsonNode value = message.get(field);
        // UTF-16 units: never fewer than LINE counts, so nothing that passes here is refused for length.
        if (value != null && value.isTextual() && value.asText().length() > max) {
            throw new LineMessageRejectedException("message " + number + ": " + field + " has " + value.asText().length()
                    + " characters, LINE allows " + max);
        }
    }
}
