package jp.koyomi.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.Channel;

/**
 * Gives a run's FAILED deliveries another go once their cause is fixed (a corrected address, a channel
 * set up again): back to PENDING, due now, attempts from zero, the same retry key (so LINE and mail
 * receivers still see one message) and the last error kept until the next attempt replaces it.
 * <p>
 * Rows that could not go out anyway stay FAILED: the customer withdrew consent or has no address on
 * the channel any more, the delivery expired, or retention already dropped its body. Stock and quiet
 * hours are the {@link SendGate}'s to decide when the row is sent, as for any delivery.
 */
@ApplicationScoped
public class FailedDeliveries {

    private static final Logger LOG = Logger.getLogger(FailedDeliveries.class);
    /** What RetentionPurge leaves of a finished delivery's body. */
    private static final String PURGED_BODY = "";

    /** What a retry did: how many rows are pending again, and why the others stay FAILED. */
    @Schema(name = "RetriedDeliveries", requiredProperties = { "run_id", "retried", "not_retried" })
    public record Retried(long runId, int retried, NotRetried notRetried) {
    }

    /** FAILED rows left as they were, by the first reason that applies, in this order. */
    @Schema(name = "NotRetriedDeliveries", requiredProperties = { "body_purged", "expired", "consent_withdrawn", "no_address" })
    public record NotRetried(int bodyPurged, int expired, int consentWithdrawn, int noAddress) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** Idempotent: a second call finds no FAILED row it may retry and answers 0 retried. */
    @Transactional
    public Retried retry(long runId, String user) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int retried = 0;
        int[] kept = new int[4];
        try (Connection c = dataSource.getConnection()) {
            for (Channel channel : Channel.values()) {
                retried += retry(c, runId, channel, now);
                count(c, runId, channel, now, kept);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot retry the failed deliveries of run " + runId, e);
        }
        NotRetried notRetried = new NotRetried(kept[0], kept[1], kept[2], kept[3]);
        LOG.infof("Run %d: %s put %d failed deliveries back to pending; %s stay failed", runId, user, retried, notRetried);
        return new Retried(runId, retried, notRetried);
    }

    private static int retry(Connection c, long runId, Channel channel, OffsetDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET status = 'PENDING', attempts = 0, "
                + "next_attempt_at = ?, claimed_until = NULL, claim_token = NULL "
                + "WHERE run_id = ? AND channel = ? AND status = 'FAILED' AND content <> ? "
                + "AND (expires_at IS NULL OR expires_at > ?) "
                + "AND customer_id IN (SELECT id FROM customer WHERE " + consent(channel) + " AND " + address(channel)
                + " IS NOT NULL AND " + address(channel) + " <> '')")) {
            s.setObject(1, now);
            s.setLong(2, runId);
            s.setString(3, channel.name());
            s.setString(4, PURGED_BODY);
            s.setObject(5, now);
            return s.executeUpdate();
        }
    }

    /** Adds the channel's remaining FAILED rows to {@code kept}, each under the first reason that applies. */
    private static void count(Connection c, long runId, Channel channel, OffsetDateTime now, int[] kept)
            throws SQLException {
        String address = "cu." + address(channel);
        try (PreparedStatement s = c.prepareStatement("SELECT CASE WHEN d.content = ? THEN 0 "
                + "WHEN d.expires_at IS NOT NULL AND d.expires_at <= ? THEN 1 WHEN NOT cu." + consent(channel) + " THEN 2 "
                + "WHEN " + address + " IS NULL OR " + address + " = '' THEN 3 ELSE -1 END "
                + "FROM delivery d JOIN customer cu ON cu.id = d.customer_id "
                + "WHERE d.run_id = ? AND d.channel = ? AND d.status = 'FAILED'")) {
            s.setString(1, PURGED_BODY);
            s.setObject(2, now);
            s.setLong(3, runId);
            s.setString(4, channel.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int reason = rs.getInt(1);
                    if (reason >= 0) {
                        kept[reason]++;
                    }
                }
            }
        }
    }

    private static String consent(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT) + "_consent";
    }

    /** The customer's column the outbox sends to on this channel. */
    private static String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case LINE -> "line_user_id";
            case POSTAL -> "postal_code";
        };
    }
}
