package jp.koyomi.channel.postal;

import java.time.OffsetDateTime;
import java.util.List;

/** A DM file made from a run: how many rows, which were held back and why, and its checksum. */
public record PostalExport(long id, long runId, String fileName, String encoding, int rowCount, int heldBackCount,
        List<PostalCsvWriter.HeldBack> heldBack, String sha256, String createdBy, OffsetDateTime createdAt) {
}
