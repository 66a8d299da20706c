package jp.koyomi.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words a marketer wrote for one channel, as stored in a template version. */
public sealed interface TemplateSource {

    /** An email: subject, HTML and plain-text templates. */
    record Email(String subject, String html, String text) implements TemplateSource {
    }

    /**
     * Up to five LINE messages. A message starting with <code>{</code> is a Messaging API message
     * object (e.g. a flex message) whose string values are templates; anything else is the text of
     * a text message.
     */
    record Line(List<String> messages) implements TemplateSource {
        public Line {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    /** The printer's CSV columns this template fills, in order: name → template. */
    record Postal(Map<String, String> fields) implements TemplateSource {
        public Postal {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
