package jp.koyomi.campaign;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** A campaign as the API shows it, with its next occurrences in its own time zone. */
public record CampaignView(long id, String name, CampaignStatus status, CampaignDefinition definition, int revision,
        boolean approved, String approvedBy, OffsetDateTime approvedAt, String owner, List<ZonedDateTime> nextOccurrences,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
