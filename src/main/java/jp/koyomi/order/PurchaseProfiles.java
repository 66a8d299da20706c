package jp.koyomi.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.koyomi.imports.BulkCopy;
import jp.koyomi.imports.Sql;

/**
 * Derives, for a set of customers, what runs read for every customer: the size worn per category
 * (the size bought most often; a tie goes to the size bought most recently), how often and how
 * recently each category and style was bought. Derived when orders change, never per run.
 */
public final class PurchaseProfiles {

    static final int CHUNK = 1000;

    private PurchaseProfiles() {
    }

    /** One (customer, style, size) purchase group: orders that had the variant, and the latest. */
    record Purchases(long customerId, long styleId, String category, String size, int count, OffsetDateTime last) {
    }

    public static void rederive(Collection<Long> customerIds, Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>(customerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            write(chunk, read(chunk, connection), connection);
        }
    }

    private static List<Purchases> read(List<Long> customers, Connection connection) throws SQLException {
        // One grouped scan of the customers' order lines; customer_order_customer serves the IN list.
        String sql = "SELECT o.customer_id, s.id, s.category, v.size, COUNT(*), MAX(o.ordered_at) "
                + "FROM customer_order o JOIN order_line l ON l.order_id = o.id "
                + "JOIN product_variant v ON v.id = l.variant_id JOIN product_style s ON s.id = v.style_id "
                + "WHERE o.customer_id IN (" + Sql.placeholders(customers.size()) + ") "
                + "GROUP BY o.customer_id, s.id, s.category, v.size";
        List<Purchases> purchases = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            Sql.bindAll(s, 1, customers);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String size = rs.getString(4);
                    purchases.add(new Purchases(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            size == null || size.isBlank() ? null : size, rs.getInt(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return purchases;
    }

    private static void write(List<Long> customers, List<Purchases> purchases, Connection connection)
            throws SQLException {
        for (String table : List.of("customer_category", "customer_style")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE customer_id IN (" + Sql.placeholders(customers.size()) + ")")) {
                Sql.bindAll(delete, 1, customers);
                delete.executeUpdate();
            }
        }
        Map<String, Tally> categories = new HashMap<>();
        Map<String, Tally> styles = new HashMap<>();
        for (Purchases p : purchases) {
            categories.computeIfAbsent(p.customerId() + "\t" + p.category(), k -> new Tally(p.customerId(), p.category()))
                    .add(p);
            styles.computeIfAbsent(p.customerId() + "\t" + p.styleId(), k -> new Tally(p.customerId(), p.styleId()))
                    .add(p);
        }
        insert(connection, "customer_category", List.of("customer_id", "category", "size", "purchase_count",
                "last_purchased_at"), categories.values().stream()
                        .map(t -> new Object[] { t.customerId, t.key, t.wornSize(), t.count, t.last }).toList());
        insert(connection, "customer_style", List.of("customer_id", "style_id", "purchase_count", "last_purchased_at",
                "last_size"), styles.values().stream()
                        .map(t -> new Object[] { t.customerId, t.key, t.count, t.last, t.lastSize }).toList());
    }

    /** COPY on PostgreSQL, a batch of inserts elsewhere. */
    private static void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (BulkCopy.supported(connection)) {
            BulkCopy.copy(connection, table, columns, rows);
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                + String.join(", ", columns) + ") VALUES (" + Sql.placeholders(columns.size()) + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Purchases of one customer in one category or style, with counts per size. */
    static final class Tally {
        final long customerId;
        final Object key;
        final Map<String, SizeCount> sizes = new HashMap<>();
        int count;
        OffsetDateTime last;
        String lastSize;

        Tally(long customerId, Object key) {
            this.customerId = customerId;
            this.key = key;
        }

        void add(Purchases p) {
            count += p.count();
            if (last == null || p.last().isAfter(last)) {
                last = p.last();
                lastSize = p.size();
            }
            if (p.size() != null) {
                sizes.computeIfAbsent(p.size(), s -> new SizeCount()).add(p.count(), p.last());
            }
        }

        /** Most purchases wins; a tie goes to the size bought most recently. */
        String wornSize() {
            String best = null;
            SizeCount bestCount = null;
            for (var entry : sizes.entrySet()) {
                SizeCount c = entry.getValue();
                if (bestCount == null || c.count > bestCount.count
                        || c.count == bestCount.count && c.last.isAfter(bestCount.last)) {
                    best = entry.getKey();
                    bestCount = c;
                }
            }
            return best;
        }
    }

    static final class SizeCount {
        int count;
        OffsetDateTime last;

        void add(int n, OffsetDateTime at) {
            count += n;
            if (last == null || at.isAfter(last)) {
                last = at;
            }
        }
    }
}
