package jp.koyomi.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.Channel;
import jp.koyomi.imports.Sql;

/**
 * The outbox table as a queue. A worker claims due deliveries under a lease and a fresh claim
 * token; every later change of a claimed row — holding it for a send, recording how the send
 * ended — names that token and changes nothing once another worker has claimed the row. So a
 * worker that stalled past its lease cannot send or record what someone else now owns.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource dataSource;

    /** Deliveries claimed together under one token, leased until {@code leasedUntil}. */
    public record Claim(UUID token, List<ClaimedDelivery> deliveries, Instant leasedUntil) {

        public boolean isEmpty() {
            return deliveries.isEmpty();
        }
    }

    /**
     * Claims up to {@code limit} due PENDING deliveries of a channel. SKIP LOCKED lets several
     * workers and instances claim side by side without waiting on each other's rows; the lease
     * makes a crashed worker's rows due again when it runs out.
     */
    @Transactional
    public Claim claim(Channel channel, int limit, Instant now, Duration lease) {
        OffsetDateTime at = utc(now);
        UUID token = UUID.randomUUID();
        Instant until = now.plus(lease);
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
                return new Claim(token, List.of(), until);
            }
            try (PreparedStatement lock = c.prepareStatement("UPDATE delivery SET claimed_until = ?, claim_token = ? "
                    + "WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
                lock.setObject(1, utc(until));
                lock.setString(2, token.toString());
                Sql.bindAll(lock, 3, ids);
                lock.executeUpdate();
            }
            return new Claim(token, load(c, channel, token, ids), until);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim " + channel + " deliveries", e);
        }
    }

    /** The customer's column (as {@code cu}) that a channel's deliveries are addressed to. */
    private static String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> "cu.email";
            case LINE -> "cu.line_user_id";
            case POSTAL -> "cu.postal_code";
        };
    }

    private static List<ClaimedDelivery> load(Connection c, Channel channel, UUID token, List<Long> ids)
            throws SQLException {
        String address = address(channel);
        String consent = "cu." + channel.name().toLowerCase() + "_consent";
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.customer_id, d.content, d.retry_key, d.attempts, "
                + address + ", cu.family_name, cu.given_name, " + consent + ", d.expires_at, d.offered_skus, "
                + "d.offer_min_stock, d.last_error FROM delivery d JOIN customer cu ON cu.id = d.customer_id "
                + "WHERE d.id IN (" + Sql.placeholders(ids.size()) + ") ORDER BY d.next_attempt_at, d.id")) {
            Sql.bindAll(s, 1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String given = rs.getString(8);
                    OffsetDateTime expires = rs.getObject(10, OffsetDateTime.class);
                    claimed.add(new ClaimedDelivery(rs.getLong(1), token, rs.getLong(2), channel, rs.getString(3),
                            UUID.fromString(rs.getString(4)), rs.getInt(5), rs.getString(6),
                            rs.getString(7) + (given == null ? "" : " " + given), rs.getBoolean(9),
                            expires == null ? null : expires.toInstant(), Offer.decode(rs.getString(11), rs.getInt(12)),
                            rs.getString(13)));
                }
            }
        }
        return claimed;
    }

    /**
     * Extends the lease of the claim's rows that are still its own; returns how many are. Workers
     * renew as they go, so a long batch never outlives its lease.
     */
    public int renew(UUID token, Instant until) {
        return update("UPDATE delivery SET claimed_until = ? WHERE claim_token = ? AND status = 'PENDING'", utc(until),
                token.toString());
    }

    /** How {@link #hold} left a delivery. */
    public enum Hold {
        /** Leased for this send attempt: send it now. */
        HELD,
        /** The customer withdrew consent for the channel since the claim: it ended SKIPPED, never to be sent. */
        CONSENT_WITHDRAWN,
        /** The customer's address for the channel changed since the claim: let go, to be claimed afresh. */
        ADDRESS_CHANGED,
        /** Another worker claimed it since, or it is no longer pending: this worker must not send it. */
        CLAIM_LOST
    }

    /**
     * Takes a delivery for one send attempt, which then stays leased until {@code until}. Consent and
     * address are read again in this very statement, not taken from the claim: a customer who
     * unsubscribed while the delivery waited in a claimed batch is not sent to (issue 10). Only when
     * the row was not held does a second statement find out why, so a send costs one statement.
     */
    public Hold hold(ClaimedDelivery d, Instant until) {
        String customer = "SELECT 1 FROM customer cu WHERE cu.id = delivery.customer_id AND cu."
                + d.channel().name().toLowerCase() + "_consent = ";
        if (update("UPDATE delivery SET claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND claim_token = ? "
                + "AND status = 'PENDING' AND EXISTS (" + customer + "TRUE AND " + address(d.channel()) + " = ?)",
                utc(until), d.id(), d.claimToken().toString(), d.recipient()) == 1) {
            return Hold.HELD;
        }
        if (owned("UPDATE delivery SET status = 'SKIPPED', last_error = ?, claimed_until = NULL", " AND EXISTS ("
                + customer + "FALSE)", d, SendGate.CONSENT_WITHDRAWN)) {
            return Hold.CONSENT_WITHDRAWN;
        }
        // Consented (again) with another address, or none: released, its next claim loads the current one.
        // Should consent have come back between these statements, the claim is lost for nothing but a delay.
        return owned("UPDATE delivery SET claimed_until = NULL, claim_token = NULL", " AND EXISTS (" + customer
                + "TRUE)", d) ? Hold.ADDRESS_CHANGED : Hold.CLAIM_LOST;
    }

    /** Lets go of the claim's rows not handled yet, so any worker may claim them at once. */
    public void release(UUID token) {
        update("UPDATE delivery SET claimed_until = NULL, claim_token = NULL WHERE claim_token = ? AND status = 'PENDING'",
                token.toString());
    }

    /** Records a send that went out; false when the claim no longer owns the delivery. */
    public boolean sent(ClaimedDelivery d, String providerId, Instant now) {
        return owned("UPDATE delivery SET status = 'SENT', sent_at = ?, provider_id = ?, claimed_until = NULL, "
                + "last_error = NULL", d, utc(now), providerId);
    }

    /** Records a delivery that will not go out, with the reason; false when the claim no longer owns it. */
    public boolean finish(ClaimedDelivery d, DeliveryStatus status, String reason) {
        return owned("UPDATE delivery SET status = ?, last_error = ?, claimed_until = NULL", d, status.name(),
                truncate(reason));
    }

    /** Puts a delivery whose attempt failed back in the queue, due again at {@code dueAt}. */
    public boolean retryAt(ClaimedDelivery d, Instant dueAt, String reason) {
        return owned("UPDATE delivery SET next_attempt_at = ?, last_error = ?, claimed_until = NULL, claim_token = NULL",
                d, utc(dueAt), truncate(reason));
    }

    /**
     * Puts a delivery back in the queue until {@code dueAt} without spending an attempt on it: quiet
     * hours, or a channel pause. {@code attempted}: it was held for a send that the pause stopped.
     */
    public boolean defer(ClaimedDelivery d, Instant dueAt, String reason, boolean attempted) {
        return owned("UPDATE delivery SET next_attempt_at = ?, last_error = ?, claimed_until = NULL, claim_token = NULL"
                + (attempted ? ", attempts = attempts - 1" : ""), d, utc(dueAt), truncate(reason));
    }

    /** Current units on hand per SKU, for the send-time stock check; unknown SKUs are absent. */
    public Map<String, Integer> stock(Collection<String> skus) {
        Map<String, Integer> stock = new HashMap<>();
        if (skus.isEmpty()) {
            return stock;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sku, stock FROM product_variant WHERE sku IN (" + Sql.placeholders(skus.size()) + ")")) {
            Sql.bindAll(s, 1, skus);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stock.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read stock", e);
        }
        return stock;
    }

    private boolean owned(String update, ClaimedDelivery d, Object... values) {
        return owned(update, "", d, values);
    }

    /** {@code update} of the row if the claim still owns it and {@code and} (an SQL condition) holds. */
    private boolean owned(String update, String and, ClaimedDelivery d, Object... values) {
        Object[] all = new Object[values.length + 2];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = d.id();
        all[values.length + 1] = d.claimToken().toString();
        return update(update + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'" + and, all) == 1;
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
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
