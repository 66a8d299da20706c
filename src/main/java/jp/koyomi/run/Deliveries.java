package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.KeysetPage;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.delivery.DeliveryStatus;
import jp.koyomi.domain.Channel;

/** Reads the outbox a keyset page at a time, by run or by customer, newest first. */
@ApplicationScoped
public class Deliveries {

    private static final Set<String> STATUSES = names(DeliveryStatus.values());
    private static final Set<String> CHANNELS = names(Channel.values());

    @Inject
    AgroalDataSource dataSource;

    /** What to list; null fields do not filter. */
    public record Filter(Long runId, String customerExternalId, String status, String channel) {
    }

    public KeysetPage<DeliveryItem> page(Filter filter, Long after, int limit) {
        KeysetPage.limit(limit);
        String status = checked("status", filter.status(), STATUSES);
        String channel = checked("channel", filter.channel(), CHANNELS);
        StringBuilder sql = new StringBuilder("SELECT d.id, d.run_id, r.campaign_id, c.name, cu.external_id, d.channel, "
                + "d.status, d.attempts, d.last_error, d.next_attempt_at, d.sent_at, d.created_at FROM delivery d "
                + "JOIN customer cu ON cu.id = d.customer_id LEFT JOIN campaign_run r ON r.id = d.run_id "
                + "LEFT JOIN campaign c ON c.id = r.campaign_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        add(sql, args, " AND d.run_id = ?", filter.runId());
        add(sql, args, " AND cu.external_id = ?", filter.customerExternalId());
        add(sql, args, " AND d.status = ?", status);
        add(sql, args, " AND d.channel = ?", channel);
        add(sql, args, " AND d.id < ?", after);
        sql.append(" ORDER BY d.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        List<DeliveryItem> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new DeliveryItem(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                            (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getInt(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
                            rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read deliveries", e);
        }
        Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
        return new KeysetPage<>(items, next);
    }

    /** Refuses an unknown run or customer with 404 rather than answering an empty page. */
    public void requireExists(String table, String column, Object key, String what) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(what, key);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what, e);
        }
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    private static String checked(String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new InvalidInputException(field, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return upper;
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new java.util.HashSet<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return Set.copyOf(names);
    }
}
