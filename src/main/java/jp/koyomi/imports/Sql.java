package jp.koyomi.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Collections;

/** Small JDBC conveniences the importers share. */
public final class Sql {

    private Sql() {
    }

    /** "?, ?, ?" for an IN list of n values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds the values from parameter index {@code first} on; returns the next free index. */
    public static int bindAll(PreparedStatement statement, int first, Collection<?> values) throws SQLException {
        int i = first;
        for (Object value : values) {
            statement.setObject(i++, value);
        }
        return i;
    }

    /**
     * {@code select} (a query ending in "WHERE ") restricted to rows whose {@code column} is one of
     * {@code keys}, bound and ready to run. PostgreSQL takes the keys as one array: an IN list of a
     * batch's 10,000 parameters costs more to parse and plan than to run. H2 gets the IN list.
     */
    public static PreparedStatement whereIn(Connection connection, String select, String column, List<String> keys)
            throws SQLException {
        boolean array = BulkCopy.supported(connection);
        PreparedStatement statement = connection.prepareStatement(select + column
                + (array ? " = ANY (?)" : " IN (" + placeholders(keys.size()) + ")"));
        try {
            if (array) {
                statement.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            } else {
                bindAll(statement, 1, keys);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The ids of the rows of {@code table} whose {@code keyColumn} is one of {@code keys}. */
    public static Map<String, Long> ids(Connection connection, String table, String keyColumn, List<String> keys)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        try (PreparedStatement select = whereIn(connection, "SELECT " + keyColumn + ", id FROM " + table + " WHERE ",
                keyColumn, keys)) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }
}
