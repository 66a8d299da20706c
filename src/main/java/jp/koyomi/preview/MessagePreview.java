package jp.koyomi.preview;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.koyomi.domain.Channel;

/** A message exactly as its channel would send it to one customer (or to the sample customer). */
@Schema(name = "MessagePreview", description = "An email, a LINE push or a postal DM row as a send produces it",
        oneOf = { MessagePreview.Email.class, MessagePreview.Line.class, MessagePreview.Postal.class })
public sealed interface MessagePreview {

    /**
     * Who the preview is for, and whether a send would reach them: the send gate withholds a message
     * to a customer who has not consented to the channel or has no address on it.
     *
     * @param customerExternalId null for the sample customer
     * @param consented          null for the sample customer
     * @param reachable          whether the customer has an address on the channel (email, LINE user id, postal code)
     */
    @Schema(name = "PreviewRecipient", requiredProperties = { "sample", "reachable" })
    record Recipient(String customerExternalId, boolean sample, Boolean consented, boolean reachable) {
    }

    /**
     * The email as sent: headers and both parts decoded from the MIME message the sender writes, the
     * legal footer and the unsubscribe link included.
     *
     * @param to null when the customer has no email address
     */
    @Schema(name = "EmailPreview", requiredProperties = { "channel", "recipient", "from", "subject", "html", "text",
        "list_unsubscribe", "list_unsubscribe_post", "unsubscribe_url" })
    record Email(@Schema(enumeration = "EMAIL") Channel channel, Recipient recipient, String from, String to,
            String subject, String html, String text, String listUnsubscribe, String listUnsubscribePost,
            String unsubscribeUrl) implements MessagePreview {
    }

    /**
     * The LINE push as sent: each message object of the request body the SDK sends, as JSON.
     *
     * @param to null when the customer has no LINE user id
     */
    @Schema(name = "LinePreview", requiredProperties = { "channel", "recipient", "messages_json" })
    record Line(@Schema(enumeration = "LINE") Channel channel, Recipient recipient, String to,
            List<String> messagesJson) implements MessagePreview {
    }

    /**
     * The postal DM as exported: the template's fields, and the printer CSV's row (every column, formulas
     * neutralised) or why the export would hold it back.
     *
     * @param csv      column to cell in file order; null when held back or when the customer has no postal code
     * @param heldBack why the export would hold the row back (a character the file's encoding cannot hold)
     */
    @Schema(name = "PostalPreview", requiredProperties = { "channel", "recipient", "fields", "encoding" })
    record Postal(@Schema(enumeration = "POSTAL") Channel channel, Recipient recipient, Map<String, String> fields,
            Map<String, String> csv, String encoding, String heldBack) implements MessagePreview {
    }
}
