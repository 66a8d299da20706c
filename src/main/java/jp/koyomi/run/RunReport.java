package jp.koyomi.run;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run as API.md promises it: status, progress, and counts by outcome, by skip reason, by channel
 * (messages put in the outbox) and by delivery status (what the senders made of them).
 */
@Schema(name = "RunReport", requiredProperties = { "id", "campaign_id", "kind", "status", "occurrence_at", "campaign_revision", "template_versions", "customers_decided", "by_outcome", "by_skip_reason", "by_channel", "by_delivery_status" })
public record RunReport(long id, long campaignId, String kind, String status, OffsetDateTime occurrenceAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, int campaignRevision, Map<String, Long> templateVersions,
        long customersDecided,
        Map<String, Long> byOutcome, Map<String, Long> bySkipReason, Map<String, Long> byChannel,
        Map<String, Long> byDeliveryStatus, String error) {
}
