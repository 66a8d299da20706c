package jp.koyomi.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.imports.BulkCopy;
import jp.koyomi.imports.Cells;
import jp.koyomi.imports.FirstRows;
import jp.koyomi.imports.ImportErrors;
import jp.koyomi.imports.Row;
import jp.koyomi.imports.RowImporter;
import jp.koyomi.imports.Sql;

/**
 * Order rows of API.md, keyed by {@code order_id} + {@code sku}: one row per order line. Customers
 * and SKUs must exist already. After the last batch the purchase profiles of the customers it
 * touched are derived again, so sizes per category are current when the import commits.
 */
public class OrderImporter implements RowImporter<OrderImporter.Parsed> {

    private static final Set<String> COLUMNS = new LinkedHashSet<>(
            List.of("order_id", "customer_external_id", "ordered_at", "sku", "quantity", "unit_price"));
    private static final Spec SPEC = new Spec("order", COLUMNS,
            Set.of("order_id", "customer_external_id", "ordered_at", "sku", "unit_price"), "sku");

    /** Each order's customer and time as its first row gave them: later rows of the order must agree. */
    private final FirstRows ordersFirstRows = new FirstRows("order_import_first");
    private Map<String, Long> customerIds = Map.of();
    private Map<String, Long> variantIds = Map.of();
    /** H2: customer ids whose purchase profiles {@link #finish} derives again, a bit each (a million in 125 KB). */
    private final BitSet touchedCustomers = new BitSet();
    /** PostgreSQL's staging table of a batch: the rows as the file gave them, then their references' ids. */
    private static final String STAGE = "order_import";
    private static final String STAGE_DEFINITION = "row_no INTEGER, order_ref VARCHAR(64), "
            + "customer_external_id VARCHAR(64), ordered_at TIMESTAMP WITH TIME ZONE, sku VARCHAR(64), "
            + "quantity INTEGER, unit_price INTEGER, customer_id BIGINT, variant_id BIGINT, owner_id BIGINT";
    private static final List<String> STAGE_COLUMNS = List.of("row_no", "order_ref", "customer_external_id",
            "ordered_at", "sku", "quantity", "unit_price");
    /** PostgreSQL: the ids of the customers the import's batches wrote orders of, for {@link #finish}. */
    private static final String TOUCHED = "order_import_customer";

    public record Parsed(int row, String orderId, String customerExternalId, OffsetDateTime orderedAt, String sku,
            int quantity, int unitPrice) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public String key(Parsed record) {
        return record.orderId() + " + " + record.sku();
    }

    @Override
    public Parsed parse(Row row, ImportErrors errors) {
        int before = errors.total();
        Cells cells = new Cells(row, errors);
        String orderId = cells.required("order_id", 64);
        String customer = cells.required("customer_external_id", 64);
        OffsetDateTime orderedAt = cells.requiredDateTime("ordered_at");
        String sku = cells.required("sku", 64);
        Integer quantity = cells.integer("quantity", 1);
        Integer unitPrice = cells.requiredInteger("unit_price", 0);
        if (errors.total() > before) {
            return null;
        }
        return new Parsed(row.number(), orderId, customer, orderedAt, sku, quantity == null ? 1 : quantity, unitPrice);
    }

    @Override
    public List<Parsed> resolve(List<Parsed> rows, Connection connection, ImportErrors errors) throws SQLException {
        List<Parsed> batch = agreeingWithFirstRows(rows, connection, errors);
        if (batch.isEmpty()) {
            return batch;
        }
        if (BulkCopy.supported(connection)) {
            return resolveStaged(batch, connection, errors);
        }
        customerIds = Sql.ids(connection, "customer", "external_id",
                batch.stream().map(Parsed::customerExternalId).distinct().toList());
        variantIds = Sql.ids(connection, "product_variant", "sku", batch.stream().map(Parsed::sku).distinct().toList());
        Map<String, Long> storedOwners = storedOrderOwners(batch, connection);
        List<Parsed> resolved = new ArrayList<>(batch.size());
        for (Parsed p : batch) {
            Long customerId = customerIds.get(p.customerExternalId());
            boolean ok = true;
            if (customerId == null) {
                errors.add(p.row(), "customer_external_id", "no customer " + p.customerExternalId()
                        + " exists; import customers first");
                ok = false;
            } else if (storedOwners.containsKey(p.orderId()) && !storedOwners.get(p.orderId()).equals(customerId)) {
                errors.add(p.row(), "customer_external_id", "order " + p.orderId()
                        + " is already stored for another customer");
                ok = false;
            }
            if (!variantIds.containsKey(p.sku())) {
                errors.add(p.row(), "sku", "no product variant " + p.sku() + " exists; import products first");
                ok = false;
            }
            if (ok) {
                resolved.add(p);
            }
        }
        return resolved;
    }

    /** The rows that agree on customer and time with their order's first row in the file; the others are errors. */
    private List<Parsed> agreeingWithFirstRows(List<Parsed> batch, Connection connection, ImportErrors errors)
            throws SQLException {
        Map<Integer, FirstRows.First> earlier = ordersFirstRows.earlier(connection, batch.stream()
                .map(p -> new FirstRows.Entry(p.row(), p.orderId(), p.customerExternalId() + '\t' + p.orderedAt()))
                .toList());
        List<Parsed> agreeing = new ArrayList<>(batch.size());
        for (Parsed p : batch) {
            FirstRows.First first = earlier.get(p.row());
            if (first == null || agrees(p, first, errors)) {
                agreeing.add(p);
            }
        }
        return agreeing;
    }

    private static boolean agrees(Parsed p, FirstRows.First first, ImportErrors errors) {
        // The time never holds a tab; a customer key might.
        int tab = first.value().lastIndexOf('\t');
        String customer = first.value().substring(0, tab);
        OffsetDateTime orderedAt = OffsetDateTime.parse(first.value().substring(tab + 1));
        if (!customer.equals(p.customerExternalId())) {
            errors.add(p.row(), "customer_external_id", "order " + p.orderId() + " belongs to " + customer
                    + " on row " + first.row());
            return false;
        }
        if (!orderedAt.isEqual(p.orderedAt())) {
            errors.add(p.row(), "ordered_at", "order " + p.orderId() + " was placed at " + orderedAt + " on row "
                    + first.row());
            return false;
        }
        return true;
    }

    /**
     * PostgreSQL: the batch is copied into a staging table with its references still as keys, which
     * one statement resolves to ids in place (three IN-list look-ups per batch before); the rows
     * whose customer or SKU does not exist or whose order is another customer's are then read back.
     * The look-ups are correlated subqueries, so each is an index probe per row: joined, PostgreSQL
     * merged the batch with the whole customer key index, twice a batch, a cost that grew with the
     * customer table (60 ms a batch at 300,000 customers).
     */
    private List<Parsed> resolveStaged(List<Parsed> batch, Connection connection, ImportErrors errors)
            throws SQLException {
        BulkCopy.stageOf(connection, STAGE, STAGE_DEFINITION);
        BulkCopy.copy(connection, STAGE, STAGE_COLUMNS, batch.stream().map(p -> new Object[] { p.row(), p.orderId(),
                p.customerExternalId(), p.orderedAt(), p.sku(), p.quantity(), p.unitPrice() }).toList());
        Set<Integer> bad = new HashSet<>();
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE " + STAGE + " i SET "
                    + "customer_id = (SELECT c.id FROM customer c WHERE c.external_id = i.customer_external_id), "
                    + "variant_id = (SELECT v.id FROM product_variant v WHERE v.sku = i.sku), "
                    + "owner_id = (SELECT o.customer_id FROM customer_order o WHERE o.order_ref = i.order_ref)");
            try (ResultSet rs = s.executeQuery("SELECT row_no, order_ref, customer_external_id, sku, customer_id, "
                    + "variant_id, owner_id FROM " + STAGE
                    + " WHERE customer_id IS NULL OR variant_id IS NULL OR owner_id <> customer_id ORDER BY row_no")) {
                while (rs.next()) {
                    int row = rs.getInt(1);
                    bad.add(row);
                    if (rs.getObject(5) == null) {
                        errors.add(row, "customer_external_id", "no customer " + rs.getString(3)
                                + " exists; import customers first");
                    } else if (rs.getObject(7) != null) {
                        errors.add(row, "customer_external_id", "order " + rs.getString(2)
                                + " is already stored for another customer");
                    }
                    if (rs.getObject(6) == null) {
                        errors.add(row, "sku", "no product variant " + rs.getString(4)
                                + " exists; import products first");
                    }
                }
            }
        }
        return bad.isEmpty() ? batch : batch.stream().filter(p -> !bad.contains(p.row())).toList();
    }

    private static Map<String, Long> storedOrderOwners(List<Parsed> batch, Connection connection) throws SQLException {
        List<String> refs = batch.stream().map(Parsed::orderId).distinct().toList();
        Map<String, Long> owners = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT order_ref, customer_id FROM customer_order "
                + "WHERE order_ref IN (" + Sql.placeholders(refs.size()) + ")")) {
            Sql.bindAll(s, 1, refs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return owners;
    }

    @Override
    public int write(List<Parsed> batch, Connection connection) throws SQLException {
        if (BulkCopy.supported(connection)) {
            return writeStaged(connection);
        }
        Map<String, Long> orderIds = upsertOrders(batch, connection);
        Set<String> existingLines = existingLines(orderIds.values(), connection);
        List<Object[]> lines = new ArrayList<>(batch.size());
        int created = 0;
        for (Parsed p : batch) {
            long orderId = orderIds.get(p.orderId());
            long variantId = variantIds.get(p.sku());
            created += existingLines.contains(orderId + ":" + variantId) ? 0 : 1;
            lines.add(new Object[] { p.quantity(), p.unitPrice(), orderId, variantId });
            touchedCustomers.set(Math.toIntExact(customerIds.get(p.customerExternalId())));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO order_line (quantity, unit_price, order_id, variant_id) VALUES (?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE order_line SET quantity = ?, unit_price = ? WHERE order_id = ? AND variant_id = ?")) {
            for (Object[] line : lines) {
                PreparedStatement s = existingLines.contains(line[2] + ":" + line[3]) ? update : insert;
                for (int i = 0; i < line.length; i++) {
                    s.setObject(i + 1, line[i]);
                }
                s.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return created;
    }

    /**
     * PostgreSQL, a clean batch in the staging table, its references resolved, in one statement: its
     * orders (as the first row of each gave them), their customers into the touched set, and its
     * lines joined to the orders the upsert returned (not to the whole order table).
     * Returns how many lines were created: a row the upsert inserted has no deleting transaction
     * ({@code xmax = 0}), one it updated has this one's.
     */
    private static int writeStaged(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            createTouched(s);
            try (ResultSet rs = s.executeQuery("WITH orders AS (INSERT INTO customer_order "
                    + "(customer_id, ordered_at, order_ref) "
                    + "SELECT DISTINCT ON (order_ref) customer_id, ordered_at, order_ref FROM " + STAGE + " "
                    + "ORDER BY order_ref, row_no "
                    + "ON CONFLICT (order_ref) DO UPDATE SET ordered_at = EXCLUDED.ordered_at "
                    + "RETURNING id, order_ref, customer_id), "
                    + "touched AS (INSERT INTO " + TOUCHED + " SELECT DISTINCT customer_id FROM orders "
                    + "ON CONFLICT DO NOTHING), "
                    + "lines AS (INSERT INTO order_line (quantity, unit_price, order_id, variant_id) "
                    + "SELECT i.quantity, i.unit_price, o.id, i.variant_id FROM " + STAGE + " i "
                    + "JOIN orders o ON o.order_ref = i.order_ref "
                    + "ON CONFLICT (order_id, variant_id) DO UPDATE "
                    + "SET quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price "
                    + "RETURNING xmax = 0 AS inserted) "
                    + "SELECT COUNT(*) FROM lines WHERE inserted")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void createTouched(Statement s) throws SQLException {
        s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + TOUCHED + " (customer_id BIGINT PRIMARY KEY) ON COMMIT DROP");
    }

    /**
     * Derives the purchase profiles of every customer the import touched, once, after the last
     * batch: deriving them batch by batch re-read a customer's whole history each time one of
     * their orders came by. On PostgreSQL in one set-based pass over the touched set.
     */
    @Override
    public void finish(Connection connection) throws SQLException {
        if (BulkCopy.supported(connection)) {
            try (Statement s = connection.createStatement()) {
                createTouched(s);
            }
            BulkCopy.analyze(connection, TOUCHED);
            PurchaseProfiles.rederive(TOUCHED, connection);
            return;
        }
        List<Long> customers = new ArrayList<>(touchedCustomers.cardinality());
        touchedCustomers.stream().forEach(id -> customers.add((long) id));
        PurchaseProfiles.rederive(customers, connection);
    }

    private Map<String, Long> upsertOrders(List<Parsed> batch, Connection connection) throws SQLException {
        Map<String, Parsed> firstRows = new LinkedHashMap<>();
        batch.forEach(p -> firstRows.putIfAbsent(p.orderId(), p));
        Map<String, Long> known = Sql.ids(connection, "customer_order", "order_ref", new ArrayList<>(firstRows.keySet()));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customer_order (customer_id, ordered_at, order_ref) VALUES (?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE customer_order SET customer_id = ?, ordered_at = ? WHERE order_ref = ?")) {
            for (Parsed p : firstRows.values()) {
                PreparedStatement s = known.containsKey(p.orderId()) ? update : insert;
                s.setLong(1, customerIds.get(p.customerExternalId()));
                s.setObject(2, p.orderedAt());
                s.setString(3, p.orderId());
                s.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return Sql.ids(connection, "customer_order", "order_ref", new ArrayList<>(firstRows.keySet()));
    }

    private static Set<String> existingLines(java.util.Collection<Long> orderIds, Connection connection)
            throws SQLException {
        Set<String> lines = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT order_id, variant_id FROM order_line "
                + "WHERE order_id IN (" + Sql.placeholders(orderIds.size()) + ")")) {
            Sql.bindAll(s, 1, orderIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getLong(1) + ":" + rs.getLong(2));
                }
            }
        }
        return lines;
    }
}
