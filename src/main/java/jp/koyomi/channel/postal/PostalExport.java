package jp.koyomi.channel.postal;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A DM file made from a run: how many rows, which were held back and why, and its checksum. */
@Schema(name = "PostalExport", requiredProperties = { "id", "run_id", "file_name", "encoding", "row_count", "held_back_count", "held_back", "sha256", "created_at" })
public record PostalExport(long id, long runId, String fileName, String encoding, int rowCount, int heldBackCount,
        List<PostalCsvWriter.HeldBack> heldBack, String sha256, String createdBy, OffsetDateTime createdAt) {
}
