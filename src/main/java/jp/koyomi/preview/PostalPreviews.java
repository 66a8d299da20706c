package jp.koyomi.preview;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;

import jp.koyomi.channel.postal.PostalCsvWriter;
import jp.koyomi.channel.postal.PostalRecipient;
import jp.koyomi.domain.Channel;

/**
 * The postal preview: the row the DM export writes for the customer (the same {@link PostalCsvWriter},
 * in its default windows-31j), or why it would hold the row back.
 */
final class PostalPreviews {

    MessagePreview.Postal preview(Addressee to, Map<String, String> fields, MessagePreview.Recipient recipient) {
        String encoding = PostalCsvWriter.WINDOWS_31J.name();
        if (!recipient.reachable()) {
            return new MessagePreview.Postal(Channel.POSTAL, recipient, fields, null, encoding, null);
        }
        try (PostalCsvWriter writer = new PostalCsvWriter(OutputStream.nullOutputStream(), false,
                new ArrayList<>(fields.keySet()))) {
            PostalCsvWriter.Row row = writer.row(new PostalRecipient(0, to.externalId(), to.postalCode(), to.prefecture(),
                    to.city(), to.address1(), to.address2(), null, to.familyName(), to.givenName(), fields));
            return new MessagePreview.Postal(Channel.POSTAL, recipient, fields,
                    row.heldBack() == null ? row.cells() : null, encoding,
                    row.heldBack() == null ? null : row.heldBack().reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
