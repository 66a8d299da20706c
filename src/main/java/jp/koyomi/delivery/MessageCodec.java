package jp.koyomi.delivery;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/** The rendered message as the outbox stores it: JSON, read back by the delivery's channel. */
public final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCodec() {
    }

    public static String encode(RenderedMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RenderedMessage decode(Channel channel, String json) {
        Class<? extends RenderedMessage> type = switch (channel) {
            case EMAIL -> RenderedMessage.Email.class;
            case LINE -> RenderedMessage.Line.class;
            case POSTAL -> RenderedMessage.Postal.class;
        };
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
