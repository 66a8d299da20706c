package jp.koyomi.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** The {@code setting} table: one row per saved setting, named by its API field. */
@ApplicationScoped
class SettingsStore {

    /** What the table holds: the texts by setting, and the last save. */
    record Stored(Map<Setting, String> texts, OffsetDateTime updatedAt, String updatedBy) {
    }

    @Inject
    AgroalDataSource dataSource;

    Stored read() {
        Map<Setting, String> texts = new EnumMap<>(Setting.class);
        OffsetDateTime updatedAt = null;
        String updatedBy = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, text_value, updated_at, updated_by FROM setting ORDER BY updated_at");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                for (Setting setting : Setting.values()) {
                    // A row of a setting this version no longer knows is left alone.
                    if (setting.field().equals(rs.getString(1))) {
                        texts.put(setting, rs.getString(2));
                    }
                }
                updatedAt = rs.getObject(3, OffsetDateTime.class);
                updatedBy = rs.getString(4);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the settings", e);
        }
        return new Stored(texts, updatedAt, updatedBy);
    }

    /** Replaces every stored setting with these; call inside a transaction so readers see all or nothing. */
    void replace(Map<Setting, String> texts, String by, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM setting")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO setting (name, text_value, updated_at, updated_by) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Setting, String> e : texts.entrySet()) {
                    insert.setString(1, e.getKey().field());
                    insert.setString(2, e.getValue());
                    insert.setObject(3, at.atOffset(ZoneOffset.UTC));
                    insert.setString(4, by);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the settings", e);
        }
    }
}
