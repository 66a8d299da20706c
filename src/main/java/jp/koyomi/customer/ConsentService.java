package jp.koyomi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.Channel;

/**
 * The rules of consent, in one place. Every change carries the time it happened and is applied
 * only if it is not older than the change already stored for that customer and channel, so a
 * LINE event redelivered late, or an opt-in recorded after the fact, cannot overturn a later
 * withdrawal (on a tie the withdrawal wins). A withdrawal the customer made themselves stands
 * against imports ({@link #refusalStands}) and applies over an import's grant whatever their
 * times; only a new opt-in from the customer lifts it. Every
 * applied change is recorded in {@code consent_event} with its source and time; the outbox checks
 * consent again at send time, so a change takes effect before the next send.
 */
@ApplicationScoped
public class ConsentService {

    /** Source of changes made by imports: the brand's data, never the customer's own word. */
    public static final String IMPORT_SOURCE = "import";
    static final String UNSUBSCRIBE_SOURCE = "unsubscribe";
    static final String LINE_WEBHOOK_SOURCE = "line-webhook";

    /** What became of a consent change. */
    public enum Outcome {
        APPLIED,
        /** A change at the same time or later is stored already and stands. */
        NEWER_CHANGE_STANDS,
        NO_SUCH_CUSTOMER
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /**
     * True when an import must not grant consent on a channel: the customer withdrew it
     * themselves (unsubscribe, LINE unfollow, a recorded request), which stands until they opt in
     * again. A withdrawal made by an earlier import does not stand: the brand may correct its data.
     */
    public static boolean refusalStands(boolean consent, String source) {
        return !consent && source != null && !IMPORT_SOURCE.equals(source);
    }

    /** A one-click unsubscribe, effective now; returns false when there is no such customer. */
    @Transactional
    public boolean unsubscribe(long customerId, Channel channel) {
        try (Connection c = dataSource.getConnection()) {
            // Applied at our own "now", which no stored change can postdate (see lineEventTime), and a tie
            // goes to the withdrawal: an unsubscribe always takes effect.
            return apply(c, customerId, channel, false, UNSUBSCRIBE_SOURCE, now()) != Outcome.NO_SUCH_CUSTOMER;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change consent", e);
        }
    }

    /** A consent change reported by the brand (a form, a call, a shop counter), at the time it was given. */
    @Transactional
    public Outcome record(long customerId, Channel channel, boolean granted, String source, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            return apply(c, customerId, channel, granted, source, at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change consent", e);
        }
    }

    /**
     * Applies a LINE follow or unfollow to the customers with that LINE user id, once per webhook
     * event id and only where no later LINE consent change is stored; returns how many customers
     * changed (0 for a repeated or outdated event, or an unknown user).
     */
    @Transactional
    public int changeLine(String lineUserId, boolean granted, String webhookEventId, Instant occurredAt) {
        OffsetDateTime now = now();
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
            OffsetDateTime at = lineEventTime(occurredAt, now);
            int changed = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE line_user_id = ?")) {
                s.setString(1, lineUserId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changed += apply(c, rs.getLong(1), Channel.LINE, granted, LINE_WEBHOOK_SOURCE, at)
                                == Outcome.APPLIED ? 1 : 0;
                    }
                }
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply a LINE webhook event", e);
        }
    }

    /**
     * LINE's clock may run a little ahead of ours; a stored change never lies in our future, so an
     * unsubscribe made now always counts.
     */
    private static OffsetDateTime lineEventTime(Instant occurredAt, OffsetDateTime now) {
        OffsetDateTime at = occurredAt.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return at.isAfter(now) ? now : at;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private Outcome apply(Connection c, long customerId, Channel channel, boolean granted, String source,
            OffsetDateTime at) throws SQLException {
        String column = channel.name().toLowerCase() + "_consent";
        // Not older than the stored change; a grant also not at the same time, so on a tie the withdrawal
        // wins. A withdrawal also beats a grant by an import whatever their times: the brand's data is not
        // the customer's word, and the customer's refusal stands until they opt in again.
        String applies = granted ? column + "_at < ?"
                : column + "_at <= ? OR " + column + "_source = '" + IMPORT_SOURCE + "'";
        try (PreparedStatement s = c.prepareStatement("UPDATE customer SET " + column + " = ?, " + column + "_at = ?, "
                + column + "_source = ?, updated_at = ? WHERE id = ? AND (" + column + "_at IS NULL OR " + applies + ")")) {
            s.setBoolean(1, granted);
            s.setObject(2, at);
            s.setString(3, source);
            s.setObject(4, now());
            s.setLong(5, customerId);
            s.setObject(6, at);
            if (s.executeUpdate() == 0) {
                return exists(c, customerId) ? Outcome.NEWER_CHANGE_STANDS : Outcome.NO_SUCH_CUSTOMER;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO consent_event (customer_id, channel, granted, "
                + "changed_at, source) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, customerId);
            s.setString(2, channel.name());
            s.setBoolean(3, granted);
            s.setObject(4, at);
            s.setString(5, source);
            s.executeUpdate();
        }
        return Outcome.APPLIED;
    }

    private static boolean exists(Connection c, long customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM customer WHERE id = ?")) {
            s.setLong(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
