package jp.koyomi.template;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a template version renders for one customer: exactly what a channel sends.
 * The delivery outbox stores it, senders read it, previews show it.
 */
@Schema(name = "RenderedMessage", description = "A rendered message: an email, LINE messages or postal fields", oneOf = {
        RenderedMessage.Email.class, RenderedMessage.Line.class, RenderedMessage.Postal.class })
public sealed interface RenderedMessage {

    /** An email: subject, auto-escaped HTML part and plain-text part. */
    @Schema(name = "RenderedEmail", requiredProperties = { "subject", "html", "text" })
    record Email(String subject, String html, String text) implements RenderedMessage {
    }

    /** A LINE push: one to five message objects, each a complete JSON object of the Messaging API. */
    @Schema(name = "RenderedLine", requiredProperties = "messages_json", description = "Each LINE message object as a JSON string")
    record Line(List<String> messagesJson) implements RenderedMessage {
    }

    /** A postal DM: named fields, in order, that become the template's columns of the printer's CSV. */
    @Schema(name = "RenderedPostal", requiredProperties = "fields", description = "The printer CSV's columns")
    record Postal(Map<String, String> fields) implements RenderedMessage {
    }
}
