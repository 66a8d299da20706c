package jp.koyomi.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.Channel;
import jp.koyomi.imports.Sql;

/** The outbox table as a queue: claim due deliveries under a lease, then record how each send ended. */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Claims up to {@code limit} due PENDING deliveries of a channel. SKIP LOCKED lets several
     * workers and instances claim side by side without waiting on each other's rows; the lease
     * makes a crashed worker's rows due again when it runs out.
     */
    @Transactional
    public List<ClaimedDelivery> claim(Channel channel, int limit, Instant now, java.time.Duration lease) {
        OffsetDateTime at = utc(now);
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement due = c.prepareStatement("SELECT id FROM delivery WHERE status = 'PENDING' "
                    + "AND channel = ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                    + "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                due.setString(1, channel.name());
                due.setObject(2, at);
                due.setObject(3, at);
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement lock = c.prepareStatement("UPDATE delivery SET claimed_until = ?, attempts = attempts + 1 "
                    + "WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
                lock.setObject(1, utc(now.plus(lease)));
                Sql.bindAll(lock, 2, ids);
                lock.executeUpdate();
            }
            return load(c, channel, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim " + channel + " deliveries", e);
        }
    }

    private static List<ClaimedDelivery> load(Connection c, Channel channel, List<Long> ids) throws SQLException {
        String address = switch (channel) {
            case EMAIL -> "cu.email";
            case LINE -> "cu.line_user_id";
            case POSTAL -> "cu.postal_code";
        };
        String consent = "cu." + channel.name().toLowerCase() + "_consent";
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.customer_id, d.content, d.retry_key, d.attempts, "
                + address + ", cu.family_name, cu.given_name, " + consent + " FROM delivery d JOIN customer cu ON "
                + "cu.id = d.customer_id WHERE d.id IN (" + Sql.placeholders(ids.size()) + ") ORDER BY d.id")) {
            Sql.bindAll(s, 1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String given = rs.getString(8);
                    claimed.add(new ClaimedDelivery(rs.getLong(1), rs.getLong(2), channel, rs.getString(3),
                            UUID.fromString(rs.getString(4)), rs.getInt(5), rs.getString(6),
                            rs.getString(7) + (given == null ? "" : " " + given), rs.getBoolean(9)));
                }
            }
        }
        return claimed;
    }

    /** Records a send that went out. */
    @Transactional
    public void sent(long id, String providerId, Instant now) {
        update("UPDATE delivery SET status = 'SENT', sent_at = ?, provider_id = ?, claimed_until = NULL, last_error = NULL "
                + "WHERE id = ?", utc(now), providerId, id);
    }

    /** Records a delivery that will not go out, with the reason. */
    @Transactional
    public void finish(long id, DeliveryStatus status, String reason) {
        update("UPDATE delivery SET status = ?, last_error = ?, claimed_until = NULL WHERE id = ?", status.name(),
                truncate(reason), id);
    }

    /** Puts a delivery back in the queue, due again at {@code dueAt}. */
    @Transactional
    public void retryAt(long id, Instant dueAt, String reason) {
        update("UPDATE delivery SET next_attempt_at = ?, last_error = ?, claimed_until = NULL WHERE id = ?", utc(dueAt),
                truncate(reason), id);
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the outbox", e);
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
