package jp.koyomi.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first row of each key an import's file has had so far, kept in a temporary table of the
 * import's transaction instead of the heap: held in hash maps, the keys of a file of 3,000,000
 * order lines took ~150 bytes a line and exhausted a 512 MiB heap. Each batch looks its keys up
 * in one statement and adds the new ones, so memory stays one batch whatever the file's size.
 */
public final class FirstRows {

    /** Where a key first appeared and what that row said with it. */
    public record First(int row, String value) {
    }

    /** One row's key and what it says with it (null when only the key matters). */
    public record Entry(int row, String key, String value) {
    }

    private final String table;
    private boolean ready;

    /** @param table the temporary table's name, one per check of an import */
    public FirstRows(String table) {
        this.table = table;
    }

    /**
     * For each entry whose key an earlier row had, in an earlier batch or earlier in this one, that
     * row; records the keys this batch has first. Entries come in row order.
     */
    public Map<Integer, First> earlier(Connection connection, List<Entry> entries) throws SQLException {
        boolean postgres = BulkCopy.supported(connection);
        prepare(connection, postgres);
        Map<String, Entry> firstInBatch = new LinkedHashMap<>();
        entries.forEach(e -> firstInBatch.putIfAbsent(e.key(), e));
        List<Entry> candidates = new ArrayList<>(firstInBatch.values());
        Map<String, First> stored = postgres ? insertNew(connection, candidates)
                : lookUpThenInsert(connection, candidates);
        Map<Integer, First> earlier = new HashMap<>();
        for (Entry e : entries) {
            First first = stored.get(e.key());
            Entry inBatch = firstInBatch.get(e.key());
            if (first != null) {
                earlier.put(e.row(), first);
            } else if (inBatch.row() != e.row()) {
                earlier.put(e.row(), new First(inBatch.row(), inBatch.value()));
            }
        }
        return earlier;
    }

    /**
     * PostgreSQL: adds the keys an earlier batch did not have in one statement, and looks up only
     * the others (usually none), so each key costs one index probe.
     */
    private Map<String, First> insertNew(Connection connection, List<Entry> candidates) throws SQLException {
        Set<String> known = new HashSet<>();
        candidates.forEach(e -> known.add(e.key()));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (k, row_no, v) "
                + "SELECT * FROM unnest(?, ?, ?) ON CONFLICT (k) DO NOTHING RETURNING k")) {
            insert.setArray(1, connection.createArrayOf("varchar", candidates.stream().map(Entry::key).toArray()));
            insert.setArray(2, connection.createArrayOf("integer", candidates.stream().map(Entry::row).toArray()));
            insert.setArray(3, connection.createArrayOf("varchar", candidates.stream().map(Entry::value).toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    known.remove(rs.getString(1));
                }
            }
        }
        return stored(connection, candidates.stream().filter(e -> known.contains(e.key())).toList());
    }

    /**
     * Creates the table on first use. H2 keeps a temporary table for the connection's session, and a
     * pooled connection outlives a rolled-back import, so it is emptied too; TRANSACTIONAL keeps H2
     * from committing the import's transaction at the DDL.
     */
    private void prepare(Connection connection, boolean postgres) throws SQLException {
        if (ready) {
            return;
        }
        String columns = " (k VARCHAR NOT NULL PRIMARY KEY, row_no INTEGER NOT NULL, v VARCHAR) ON COMMIT DROP";
        try (Statement s = connection.createStatement()) {
            s.execute(postgres ? "CREATE TEMPORARY TABLE IF NOT EXISTS " + table + columns
                    : "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + table + columns + " TRANSACTIONAL");
            s.execute("DELETE FROM " + table);
        }
        ready = true;
    }

    private Map<String, First> stored(Connection connection, List<Entry> entries) throws SQLException {
        Map<String, First> found = new HashMap<>();
        if (entries.isEmpty()) {
            return found;
        }
        List<String> keys = entries.stream().map(Entry::key).toList();
        try (PreparedStatement select = Sql.whereIn(connection, "SELECT k, row_no, v FROM " + table + " WHERE ", "k",
                keys)) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new First(rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return found;
    }

    /** H2: the keys an earlier batch had, then the others added. */
    private Map<String, First> lookUpThenInsert(Connection connection, List<Entry> candidates) throws SQLException {
        Map<String, First> stored = stored(connection, candidates);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (k, row_no, v) VALUES (?, ?, ?)")) {
            for (Entry e : candidates) {
                if (stored.containsKey(e.key())) {
                    continue;
                }
                insert.setString(1, e.key());
                insert.setInt(2, e.row());
                insert.setString(3, e.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return stored;
    }
}
