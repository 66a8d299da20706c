package jp.koyomi.run;

import java.time.OffsetDateTime;

/** One outbox row as the API lists it: never the message body, which may hold personal data. */
public record DeliveryItem(long id, Long runId, Long campaignId, String campaignName, String customerExternalId,
        String channel, String status, int attempts, String lastError, OffsetDateTime nextAttemptAt,
        OffsetDateTime sentAt, OffsetDateTime createdAt) {
}
