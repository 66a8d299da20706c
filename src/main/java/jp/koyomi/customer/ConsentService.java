package jp.koyomi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.Channel;

/**
 * Consent changes that come from customers themselves: one-click unsubscribe and LINE
 * follow/unfollow. Each is recorded with its source and time; the outbox checks consent again
 * at send time, so a change takes effect before the next send.
 */
@ApplicationScoped
public class ConsentService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** Sets a customer's consent on a channel; returns false when there is no such customer. */
    @Transactional
    public boolean change(long customerId, Channel channel, boolean granted, String source) {
        String column = channel.name().toLowerCase() + "_consent";
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE customer SET " + column + " = ?, " + column + "_at = ?, "
                    + column + "_source = ?, updated_at = ? WHERE id = ?")) {
                s.setBoolean(1, granted);
                s.setObject(2, now);
                s.setString(3, source);
                s.setObject(4, now);
                s.setLong(5, customerId);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO consent_event (customer_id, channel, granted, "
                    + "changed_at, source) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, customerId);
                s.setString(2, channel.name());
                s.setBoolean(3, granted);
                s.setObject(4, now);
                s.setString(5, source);
                s.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change consent", e);
        }
    }

    /**
     * Applies a LINE follow or unfollow to the customers with that LINE user id, once per webhook
     * event id; returns how many customers changed (0 for a repeated event or an unknown user).
     */
    @Transactional
    public int changeLine(String lineUserId, boolean granted, String webhookEventId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO line_webhook_event (webhook_event_id, received_at) "
                    + "SELECT ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
                    + "(SELECT 1 FROM line_webhook_event WHERE webhook_event_id = ?)")) {
                s.setString(1, webhookEventId);
                s.setObject(2, now);
                s.setString(3, webhookEventId);
                if (s.executeUpdate() == 0) {
                    return 0;
                }
            }
            int changed = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE line_user_id = ?")) {
                s.setString(1, lineUserId);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        changed += change(rs.getLong(1), Channel.LINE, granted, "line-webhook") ? 1 : 0;
                    }
                }
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply a LINE webhook event", e);
        }
    }
}
