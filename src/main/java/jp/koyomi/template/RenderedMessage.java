package jp.koyomi.template;

import java.util.List;
import java.util.Map;

/**
 * What a template version renders for one customer: exactly what a channel sends.
 * The delivery outbox stores it, senders read it, previews show it.
 */
public sealed interface RenderedMessage {

    /** An email: subject, auto-escaped HTML part and plain-text part. */
    record Email(String subject, String html, String text) implements RenderedMessage {
    }

    /** A LINE push: one to five message objects, each a complete JSON object of the Messaging API. */
    record Line(List<String> messagesJson) implements RenderedMessage {
    }

    /** A postal DM: named fields, in order, that become the template's columns of the printer's CSV. */
    record Postal(Map<String, String> fields) implements RenderedMessage {
    }
}
