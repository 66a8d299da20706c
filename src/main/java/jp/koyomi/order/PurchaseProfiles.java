package jp.koyomi.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jp.koyomi.imports.Sql;

/**
 * Derives, for a set of customers, what runs read for every customer: the size worn per category
 * (the size bought most often, counted in order lines; a tie goes to the size bought most
 * recently; one-size items do not count), how often and how recently each category and style was
 * bought, and the size of the style bought last. Derived when orders change, never per run.
 *
 * <p>Set-based: two {@code INSERT … SELECT} statements per group of customers, the ranking done by
 * window functions in the database, so the order lines never travel to the JVM (the generator
 * derives a million customers' profiles this way). The SQL runs unchanged on H2 and PostgreSQL.
 */
public final class PurchaseProfiles {

    static final int CHUNK = 1000;

    /**
     * The order lines to derive from, as {@code p (customer_id, category, style_id, size, ordered_at)}:
     * here the stored lines of the customers the filter ({@code %s}) selects.
     */
    private static final String STORED_LINES = "(SELECT o.customer_id, s.category, v.style_id, v.size, o.ordered_at "
            + "FROM customer_order o JOIN order_line l ON l.order_id = o.id "
            + "JOIN product_variant v ON v.id = l.variant_id JOIN product_style s ON s.id = v.style_id WHERE %s) p";

    /**
     * One row per (customer, category): lines and latest purchase over the whole category, and the
     * size of the best-ranked size group (sized groups first, then most lines, most recent, and the
     * size itself so that a full tie is decided the same way every time).
     */
    private static final String CATEGORIES = "INSERT INTO customer_category "
            + "(customer_id, category, size, purchase_count, last_purchased_at) "
            + "SELECT customer_id, category, CASE WHEN sized = 1 THEN size END, total, latest FROM ("
            + " SELECT customer_id, category, size, sized,"
            + "  SUM(lines) OVER (PARTITION BY customer_id, category) AS total,"
            + "  MAX(last_at) OVER (PARTITION BY customer_id, category) AS latest,"
            + "  ROW_NUMBER() OVER (PARTITION BY customer_id, category ORDER BY sized DESC, lines DESC, last_at DESC, size)"
            + "   AS rank_in_category"
            + " FROM (SELECT p.customer_id, p.category, p.size,"
            + "   CASE WHEN p.size IS NULL OR TRIM(p.size) = '' THEN 0 ELSE 1 END AS sized,"
            + "   COUNT(*) AS lines, MAX(p.ordered_at) AS last_at FROM %s"
            + "   GROUP BY p.customer_id, p.category, p.size) by_size"
            + ") ranked WHERE rank_in_category = 1";

    /** One row per (customer, style): lines, latest purchase, and the size of the latest line. */
    private static final String STYLES = "INSERT INTO customer_style "
            + "(customer_id, style_id, purchase_count, last_purchased_at, last_size) "
            + "SELECT customer_id, style_id, total, latest, CASE WHEN TRIM(size) = '' THEN NULL ELSE size END FROM ("
            + " SELECT p.customer_id, p.style_id, p.size,"
            + "  COUNT(*) OVER (PARTITION BY p.customer_id, p.style_id) AS total,"
            + "  MAX(p.ordered_at) OVER (PARTITION BY p.customer_id, p.style_id) AS latest,"
            + "  ROW_NUMBER() OVER (PARTITION BY p.customer_id, p.style_id ORDER BY p.ordered_at DESC, p.size)"
            + "   AS rank_in_style FROM %s"
            + ") ranked WHERE rank_in_style = 1";

    private PurchaseProfiles() {
    }

    /** Derives the profiles of these customers again, replacing what was derived before. */
    public static void rederive(Collection<Long> customerIds, Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>(customerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String filter = "customer_id IN (" + Sql.placeholders(chunk.size()) + ")";
            for (String table : List.of("customer_category", "customer_style")) {
                execute(connection, "DELETE FROM " + table + " WHERE " + filter, chunk);
            }
            insert(connection, "o." + filter, chunk);
        }
    }

    /**
     * Derives again, in one pass, the profiles of the customers whose ids the table
     * {@code customerTable} ({@code customer_id}) holds: one statement per table however many
     * customers, so the database joins the whole set at once (per chunk of 1,000 ids, a 100,000-
     * customer import spent most of its time here). The table should be analysed, so the plan fits
     * the set's size.
     */
    public static void rederive(String customerTable, Connection connection) throws SQLException {
        String filter = "customer_id IN (SELECT customer_id FROM " + customerTable + ")";
        for (String table : List.of("customer_category", "customer_style")) {
            execute(connection, "DELETE FROM " + table + " WHERE " + filter, List.of());
        }
        insert(connection, "o." + filter, List.of());
    }

    /**
     * Derives the profiles of new customers (nothing derived for them yet) from lines given in the
     * table {@code lines} with the columns of {@link #STORED_LINES}: the generator stages the lines it
     * has just written with their style, category and size, so the derivation reads them in one scan
     * instead of joining orders, lines, variants and styles again by key (most of its time there).
     */
    public static void deriveNew(String lines, Connection connection) throws SQLException {
        execute(connection, CATEGORIES.formatted(lines + " p"), List.of());
        execute(connection, STYLES.formatted(lines + " p"), List.of());
    }

    /** {@code filter} selects the orders ({@code o}) and lines ({@code l}) to derive from. */
    private static void insert(Connection connection, String filter, List<?> values) throws SQLException {
        String lines = STORED_LINES.formatted(filter);
        execute(connection, CATEGORIES.formatted(lines), values);
        execute(connection, STYLES.formatted(lines), values);
    }

    private static void execute(Connection connection, String sql, List<?> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bindAll(statement, 1, values);
            statement.executeUpdate();
        }
    }
}
