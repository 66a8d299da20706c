package jp.koyomi.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.koyomi.customer.ConsentService;
import jp.koyomi.domain.Channel;
import jp.koyomi.imports.BulkCopy;
import jp.koyomi.order.PurchaseProfiles;

/**
 * Writes generated demo customers and their orders straight into their tables on PostgreSQL, for
 * the benchmark brand's million customers: ids are reserved from the tables' own sequences, each
 * table is filled by one COPY per chunk (no look-ups), a consent event is recorded for every
 * granted consent as an import records it, and the purchase profiles are derived set-based from
 * the chunk's lines, staged with their style, category and size beside the order lines. The rows are the demo brand's own and known
 * good ({@code DemoBrandTest} runs them through the importers' checks), so the import path's
 * per-cell checks and per-batch look-ups, which were most of the generator's cost, are skipped.
 */
final class DemoBulkWriter {

    private static final List<String> CUSTOMER_COLUMNS = List.of("id", "external_id", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "email", "line_user_id", "postal_code", "prefecture_code", "city",
            "address1", "address2", "birthday", "points", "points_expire_on", "topics", "email_consent",
            "email_consent_at", "email_consent_source", "line_consent", "line_consent_at", "line_consent_source",
            "postal_consent", "postal_consent_at", "postal_consent_source", "preferred_channel", "created_at",
            "updated_at");
    /** Generated cells copied as they are (an empty cell is null), in the order of {@link #CUSTOMER_COLUMNS}. */
    private static final List<String> PLAIN_CELLS = List.of("family_name", "given_name", "family_name_kana",
            "given_name_kana", "email", "line_user_id");
    private static final List<String> CONSENT_EVENT_COLUMNS = List.of("customer_id", "channel", "granted",
            "changed_at", "source");
    private static final List<String> ORDER_COLUMNS = List.of("id", "order_ref", "customer_id", "ordered_at");
    private static final List<String> LINE_COLUMNS = List.of("order_id", "variant_id", "quantity", "unit_price");
    /** The chunk's lines as the purchase profiles read them (PurchaseProfiles.deriveNew). */
    private static final String PROFILE_LINES = "demo_profile_line";
    private static final List<String> PROFILE_LINE_COLUMNS = List.of("customer_id", "category", "style_id", "size",
            "ordered_at");

    /** What the profiles need of a variant besides its id. */
    private record Variant(long id, long styleId, String size, String category) {
    }

    private final Connection connection;
    private final OffsetDateTime now;
    private final Map<String, Variant> variants;

    DemoBulkWriter(Connection connection, OffsetDateTime now) throws SQLException {
        this.connection = connection;
        this.now = now;
        this.variants = variants(connection);
        skipForeignKeyChecksIfAllowed(connection);
    }

    /**
     * The foreign keys of the tables filled here cost PostgreSQL a trigger call per row and key:
     * about 26 million checks for a million customers, two thirds of its time (docs/benchmarks.md).
     * Every reference written here points at a row this same transaction wrote or read, so where the
     * role may (a superuser, as pg_restore does it) the checks are off for this transaction only;
     * any other role keeps them and is slower.
     */
    private static void skipForeignKeyChecksIfAllowed(Connection connection) throws SQLException {
        boolean superuser;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            superuser = rs.next() && rs.getBoolean(1);
        }
        if (superuser) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
        }
    }

    /** Customers {@code from} to {@code to} (inclusive) with their orders and derived profiles. */
    void write(DemoBrand brand, int from, int to) throws SQLException {
        long[] customerIds = reserveIds("customer", to - from + 1);
        List<Object[]> customers = new ArrayList<>(customerIds.length);
        List<Object[]> consents = new ArrayList<>();
        List<Map<String, String>> lines = new ArrayList<>(customerIds.length * 6);
        List<Long> lineCustomers = new ArrayList<>(customerIds.length * 6);
        for (int i = from; i <= to; i++) {
            long id = customerIds[i - from];
            Map<String, String> cells = brand.customer(i);
            customers.add(customerRow(id, DemoBrand.externalId(i), cells));
            for (Channel channel : Channel.values()) {
                if (granted(cells, channel)) {
                    consents.add(new Object[] { id, channel.name(), true, now, ConsentService.IMPORT_SOURCE });
                }
            }
            for (Map<String, String> line : brand.orders(i)) {
                lines.add(line);
                lineCustomers.add(id);
            }
        }
        BulkCopy.copy(connection, "customer", CUSTOMER_COLUMNS, customers);
        BulkCopy.copy(connection, "consent_event", CONSENT_EVENT_COLUMNS, consents);
        writeOrders(lines, lineCustomers);
        PurchaseProfiles.deriveNew(PROFILE_LINES, connection);
    }

    /**
     * The lines of one order are next to each other: a new order starts where the order id changes.
     * The lines go into the staging table of the profiles too.
     */
    private void writeOrders(List<Map<String, String>> lines, List<Long> lineCustomers) throws SQLException {
        int orderCount = 0;
        String previous = null;
        for (Map<String, String> line : lines) {
            if (!line.get("order_id").equals(previous)) {
                orderCount++;
                previous = line.get("order_id");
            }
        }
        long[] orderIds = reserveIds("customer_order", orderCount);
        List<Object[]> orders = new ArrayList<>(orderCount);
        List<Object[]> rows = new ArrayList<>(lines.size());
        List<Object[]> profileLines = new ArrayList<>(lines.size());
        previous = null;
        for (int n = 0; n < lines.size(); n++) {
            Map<String, String> line = lines.get(n);
            if (!line.get("order_id").equals(previous)) {
                previous = line.get("order_id");
                orders.add(new Object[] { orderIds[orders.size()], previous, lineCustomers.get(n), line.get("ordered_at") });
            }
            Variant variant = variants.get(line.get("sku"));
            if (variant == null) {
                throw new IllegalStateException("The demo catalog has no variant " + line.get("sku"));
            }
            rows.add(new Object[] { orderIds[orders.size() - 1], variant.id(), line.get("quantity"),
                    line.get("unit_price") });
            profileLines.add(new Object[] { lineCustomers.get(n), variant.category(), variant.styleId(), variant.size(),
                    line.get("ordered_at") });
        }
        BulkCopy.copy(connection, "customer_order", ORDER_COLUMNS, orders);
        BulkCopy.copy(connection, "order_line", LINE_COLUMNS, rows);
        BulkCopy.stageOf(connection, PROFILE_LINES, "customer_id BIGINT, category VARCHAR(64), style_id BIGINT, "
                + "size VARCHAR(16), ordered_at TIMESTAMP WITH TIME ZONE");
        BulkCopy.copy(connection, PROFILE_LINES, PROFILE_LINE_COLUMNS, profileLines);
    }

    /** The cells as the customer importer would store them for a new customer. */
    private Object[] customerRow(long id, String externalId, Map<String, String> cells) {
        List<Object> row = new ArrayList<>(CUSTOMER_COLUMNS.size());
        row.add(id);
        row.add(externalId);
        for (String cell : PLAIN_CELLS) {
            row.add(orNull(cells.get(cell)));
        }
        row.add(cells.get("postal_code").replace("-", ""));
        row.add(Integer.parseInt(cells.get("prefecture")));
        row.add(orNull(cells.get("city")));
        row.add(orNull(cells.get("address1")));
        row.add(orNull(cells.get("address2")));
        row.add(orNull(cells.get("birthday")));
        row.add(cells.get("points"));
        row.add(orNull(cells.get("points_expire_on")));
        row.add(orNull(cells.get("topics")));
        for (Channel channel : Channel.values()) {
            boolean granted = granted(cells, channel);
            row.add(granted);
            row.add(granted ? now : null);
            row.add(granted ? ConsentService.IMPORT_SOURCE : null);
        }
        row.add(orNull(cells.get("preferred_channel")));
        row.add(now);
        row.add(now);
        return row.toArray();
    }

    private static boolean granted(Map<String, String> cells, Channel channel) {
        return "true".equals(cells.get(channel.name().toLowerCase() + "_consent"));
    }

    private static String orNull(String cell) {
        return cell == null || cell.isEmpty() ? null : cell;
    }

    /**
     * {@code count} fresh ids of the table's identity sequence, so rows can be copied with their
     * ids. One writer at a time, so the chunks written side by side get ranges of their own.
     */
    private long[] reserveIds(String table, int count) throws SQLException {
        synchronized (DemoBulkWriter.class) {
            return nextIds(table, count);
        }
    }

    private long[] nextIds(String table, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, count);
            try (ResultSet rs = s.executeQuery()) {
                for (int n = 0; n < count && rs.next(); n++) {
                    ids[n] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static Map<String, Variant> variants(Connection connection) throws SQLException {
        Map<String, Variant> variants = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT v.sku, v.id, v.style_id, v.size, s.category "
                + "FROM product_variant v JOIN product_style s ON s.id = v.style_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                variants.put(rs.getString(1), new Variant(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
            }
        }
        return variants;
    }
}
