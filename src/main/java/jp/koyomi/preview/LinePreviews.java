package jp.koyomi.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.channel.line.LineMessageRejectedException;
import jp.koyomi.channel.line.LinePushRequests;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.TemplateProblem;
import jp.koyomi.template.TemplateRejectedException;

/**
 * The LINE preview: the push request the senders make (the same {@link LinePushRequests}, with LINE's
 * limits checked), as the JSON body the SDK sends; its message objects are what LINE receives.
 */
final class LinePreviews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE_NUMBER = Pattern.compile("^message (\\d+)");

    private final LinePushRequests requests = new LinePushRequests();

    /** @throws TemplateRejectedException when the sender would refuse the push (too long, unknown parts, ...) */
    MessagePreview.Line preview(OutboundMessage message, MessagePreview.Recipient recipient) {
        try {
            JsonNode body = JSON.readTree(requests.json(requests.of(message)));
            List<String> messages = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                messages.add(JSON.writeValueAsString(m));
            }
            return new MessagePreview.Line(Channel.LINE, recipient, recipient.reachable() ? body.path("to").asText() : null,
                    messages);
        } catch (LineMessageRejectedException e) {
            Matcher number = MESSAGE_NUMBER.matcher(e.getMessage());
            throw new TemplateRejectedException(List.of(new TemplateProblem(number.find() ? number.group() : "messages",
                    null, null, "a send would fail: " + e.getMessage())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK's push body is not JSON", e);
        }
    }
}
