package jp.koyomi.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY FROM STDIN} for the bulk paths: one round trip per batch instead of one
 * statement per row. Rows go into a temporary staging table that lives until the transaction ends
 * (so a rolled-back import leaves nothing), and one set-based statement merges them from there.
 * H2 has no COPY; callers keep their batched statements there.
 */
public final class BulkCopy {

    private BulkCopy() {
    }

    /** Whether the connection is PostgreSQL's, so COPY is there. */
    public static boolean supported(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Empties (creating it first if needed) the transaction's staging table {@code stage} with the
     * column types of {@code columns} of {@code table}.
     */
    public static void stage(Connection connection, String stage, String table, List<String> columns)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " ON COMMIT DROP AS SELECT "
                    + String.join(", ", columns) + " FROM " + table + " WITH NO DATA");
            s.execute("TRUNCATE " + stage);
        }
    }

    /**
     * Empties (creating it first if needed) the transaction's staging table {@code stage} of the
     * given column definitions, for rows that are not yet rows of one table (e.g. a file's lines
     * with the references still as keys).
     */
    public static void stageOf(Connection connection, String stage, String columnDefinitions) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + columnDefinitions + ") ON COMMIT DROP");
            s.execute("TRUNCATE " + stage);
        }
    }

    /**
     * Fresh statistics for a staging table: autovacuum never analyses temporary tables, so without
     * this PostgreSQL plans the joins against them blind (a nested loop over a 10,000-row batch, or a
     * scan of a whole table for a few rows).
     */
    public static void analyze(Connection connection, String stage) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE " + stage);
        }
    }

    /** Copies {@code rows} (values in the order of {@code columns}) into {@code table}; returns the rows copied. */
    public static long copy(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                appendValue(text, row[c]);
            }
            text.append('\n');
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** COPY's text format: \N is null; backslash, tab and line ends are escaped. */
    static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            text.append(value);
            return;
        }
        // A timestamp read back from the database is written as an instant, not in the JVM's zone.
        String v = value instanceof java.sql.Timestamp t ? t.toInstant().toString() : value.toString();
        // Most values need no escape: copied whole, not char by char (a run's rendered messages are long).
        int first = 0;
        while (first < v.length() && !needsEscape(v.charAt(first))) {
            first++;
        }
        text.append(v, 0, first);
        for (int i = first; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    private static boolean needsEscape(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }
}
