package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jp.koyomi.delivery.MessageCodec;

/**
 * Writes one batch of a run's outcomes: decisions, outbox rows and offer history, then moves the
 * slice's checkpoint, all on the caller's connection so they commit together or not at all.
 */
final class RunWriter {

    private RunWriter() {
    }

    static void write(Connection c, long runId, long campaignId, int sliceNo, List<RunOutcome> outcomes, long checkpoint,
            Instant now, Instant sendFrom) throws SQLException {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement decision = c.prepareStatement("INSERT INTO run_decision (run_id, customer_id, outcome, "
                + "skip_reason, channel) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement delivery = c.prepareStatement("INSERT INTO delivery (run_id, customer_id, channel, status, "
                        + "content, retry_key, next_attempt_at, created_at, expires_at, offered_skus, offer_min_stock) "
                        + "VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement offer = c.prepareStatement("INSERT INTO offer_history (customer_id, style_id, "
                        + "campaign_id, run_id, channel, offered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RunOutcome o : outcomes) {
                decision.setLong(1, runId);
                decision.setLong(2, o.customerId());
                decision.setString(3, o.kind().name());
                decision.setString(4, o.skipReason());
                decision.setString(5, o.channel() == null ? null : o.channel().name());
                decision.addBatch();
                if (o.kind() != RunOutcome.Kind.SENT_TO_OUTBOX) {
                    continue;
                }
                delivery.setLong(1, runId);
                delivery.setLong(2, o.customerId());
                delivery.setString(3, o.channel().name());
                delivery.setString(4, MessageCodec.encode(o.message()));
                delivery.setString(5, UUID.randomUUID().toString());
                delivery.setObject(6, sendFrom.atOffset(ZoneOffset.UTC));
                delivery.setObject(7, at);
                // What the outbox checks at send time: too late to send, and whether the offer still holds.
                delivery.setObject(8, o.expiry() == null ? null : now.plus(o.expiry()).atOffset(ZoneOffset.UTC));
                delivery.setString(9, o.offer().encodedSkus());
                delivery.setInt(10, o.offer().minStock());
                delivery.addBatch();
                for (long style : o.offeredStyleIds()) {
                    offer.setLong(1, o.customerId());
                    offer.setLong(2, style);
                    offer.setLong(3, campaignId);
                    offer.setLong(4, runId);
                    offer.setString(5, o.channel().name());
                    offer.setObject(6, at);
                    offer.addBatch();
                }
            }
            decision.executeBatch();
            delivery.executeBatch();
            offer.executeBatch();
        }
        RunSlices.checkpoint(c, runId, sliceNo, checkpoint);
    }
}
