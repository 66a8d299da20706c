package jp.koyomi.channel.line;

import java.time.Instant;

/**
 * A customer added (follow) or blocked (unfollow) the brand's LINE account: LINE consent granted
 * or withdrawn.
 *
 * @param webhookEventId LINE's id of the event, the same on every redelivery: deduplicate by it
 * @param occurredAt     when it happened on LINE, which orders a follow and a later unfollow
 * @param redelivery     LINE is sending this event again after an earlier attempt failed
 */
public record LineConsentEvent(Change change, String lineUserId, String webhookEventId, Instant occurredAt,
        boolean redelivery) {

    public enum Change {
        FOLLOW, UNFOLLOW
    }
}
