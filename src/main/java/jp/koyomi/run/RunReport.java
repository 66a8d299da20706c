package jp.koyomi.run;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A run as API.md promises it: status, progress, and counts by outcome, by skip reason, by channel
 * (messages put in the outbox) and by delivery status (what the senders made of them).
 */
public record RunReport(long id, long campaignId, String kind, String status, OffsetDateTime occurrenceAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, int campaignRevision, Map<String, Long> templateVersions,
        long customersDecided,
        Map<String, Long> byOutcome, Map<String, Long> bySkipReason, Map<String, Long> byChannel,
        Map<String, Long> byDeliveryStatus, String error) {
}
