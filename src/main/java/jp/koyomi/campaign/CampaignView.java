package jp.koyomi.campaign;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the API shows it, with its next occurrences in its own time zone. */
@Schema(name = "Campaign", requiredProperties = { "id", "name", "status", "definition", "revision", "approved", "owner",
        "next_occurrences", "created_at", "updated_at" })
public record CampaignView(long id, String name, CampaignStatus status, CampaignDefinition definition,
        @Schema(description = "Raised by every change of the definition") int revision,
        @Schema(description = "Whether an admin approved the current revision; only then it may send") boolean approved,
        String approvedBy, OffsetDateTime approvedAt, String owner,
        @Schema(description = "The next occurrences in the campaign's time zone") List<ZonedDateTime> nextOccurrences,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
