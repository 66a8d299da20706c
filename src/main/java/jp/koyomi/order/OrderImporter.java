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
    private final Map<String, Header> headers = new HashMap<>();
    private Map<String, Long> customerIds = Map.of();
    private Map<String, Long> variantIds = Map.of();
    /** Customer ids whose purchase profiles {@link #finish} derives again: a bit each, a million in 125 KB. */
    private final BitSet touchedCustomers = new BitSet();
    private static final List<String> LINE_COLUMNS = List.of("quantity", "unit_price", "order_id", "variant_id");

    public record Parsed(int row, String orderId, String customerExternalId, OffsetDateTime orderedAt, String sku,
            int quantity, int unitPrice) {
    }

    private record Header(String customerExternalId, OffsetDateTime orderedAt, int row) {
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
        Header header = headers.putIfAbsent(orderId, new Header(customer, orderedAt, row.number()));
        if (header != null && !header.customerExternalId().equals(customer)) {
            cells.error("customer_external_id", "order " + orderId + " belongs to " + header.customerExternalId()
                    + " on row " + header.row());
            return null;
        }
        if (header != null && !header.orderedAt().isEqual(orderedAt)) {
            cells.error("ordered_at", "order " + orderId + " was placed at " + header.orderedAt() + " on row "
                    + header.row());
            return null;
        }
        return new Parsed(row.number(), orderId, customer, orderedAt, sku, quantity == null ? 1 : quantity, unitPrice);
    }

    @Override
    public List<Parsed> resolve(List<Parsed> batch, Connection connection, ImportErrors errors) throws SQLException {
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
        if (BulkCopy.supported(connection)) {
            BulkCopy.stage(connection, "order_line_import", "order_line", LINE_COLUMNS);
            BulkCopy.copy(connection, "order_line_import", LINE_COLUMNS, lines);
            try (Statement merge = connection.createStatement()) {
                merge.executeUpdate("INSERT INTO order_line (quantity, unit_price, order_id, variant_id) "
                        + "SELECT quantity, unit_price, order_id, variant_id FROM order_line_import "
                        + "ON CONFLICT (order_id, variant_id) DO UPDATE "
                        + "SET quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price");
            }
            return created;
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
     * Derives the purchase profiles of every customer the import touched, once, after the last
     * batch: deriving them batch by batch re-read a customer's whole history each time one of
     * their orders came by.
     */
    @Override
    public void finish(Connection connection) throws SQLException {
        List<Long> customers = new ArrayList<>(touchedCustomers.cardinality());
        touchedCustomers.stream().forEach(id -> customers.add((long) id));
        PurchaseProfiles.rederive(customers, connection);
    }

    private Map<String, Long> upsertOrders(List<Parsed> batch, Connection connection) throws SQLException {
        Map<String, Parsed> firstRows = new LinkedHashMap<>();
        batch.forEach(p -> firstRows.putIfAbsent(p.orderId(), p));
        if (BulkCopy.supported(connection)) {
            List<String> columns = List.of("customer_id", "ordered_at", "order_ref");
            BulkCopy.stage(connection, "customer_order_import", "customer_order", columns);
            BulkCopy.copy(connection, "customer_order_import", columns, firstRows.values().stream()
                    .map(p -> new Object[] { customerIds.get(p.customerExternalId()), p.orderedAt(), p.orderId() })
                    .toList());
            Map<String, Long> ids = new HashMap<>();
            try (Statement merge = connection.createStatement();
                    ResultSet rs = merge.executeQuery("INSERT INTO customer_order (customer_id, ordered_at, order_ref) "
                            + "SELECT customer_id, ordered_at, order_ref FROM customer_order_import "
                            + "ON CONFLICT (order_ref) DO UPDATE "
                            + "SET customer_id = EXCLUDED.customer_id, ordered_at = EXCLUDED.ordered_at "
                            + "RETURNING order_ref, id")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            return ids;
        }
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
