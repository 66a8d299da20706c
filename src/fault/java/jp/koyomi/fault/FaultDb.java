package jp.koyomi.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL database the Koyomi processes of one case share, made empty for every case. The
 * server comes from {@code KOYOMI_PG_HOST}/{@code KOYOMI_PG_PORT} (as in .ci/run), the database name
 * from {@code -Dkoyomi.fault.db} (default {@code koyomi_fault}, its template {@code koyomi_fault_template});
 * never CI's database {@code test}.
 */
final class FaultDb {

    private final String server;
    final String name;
    final String user;
    final String password;

    FaultDb() {
        server = "jdbc:postgresql://" + env("KOYOMI_PG_HOST", "127.0.0.1") + ":" + env("KOYOMI_PG_PORT", "5432") + "/";
        name = System.getProperty("koyomi.fault.db", "koyomi_fault");
        user = env("KOYOMI_PG_USER", "postgres");
        password = env("KOYOMI_PG_PASSWORD", "");
        if (!name.matches("[a-z_][a-z0-9_]*") || name.equals("test")) {
            throw new IllegalArgumentException("koyomi.fault.db must be a plain name other than CI's 'test': " + name);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    String jdbcUrl() {
        return server + name;
    }

    /** Drops and creates the database, so every case starts from Flyway's first migration. */
    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Keeps the database as it is now (the demo brand loaded) as the template of every case's database. */
    void keepAsTemplate() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + "_template WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + "_template TEMPLATE " + name);
        }
    }

    /** A fresh copy of the template: what a first start with the demo brand leaves, in a second. */
    void recreateFromTemplate() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + name + "_template");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The first column of the first row, or null. */
    Object value(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    long count(String sql, Object... args) {
        Object v = value(sql, args);
        return v == null ? 0 : ((Number) v).longValue();
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }
}
