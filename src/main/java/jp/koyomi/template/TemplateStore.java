package jp.koyomi.template;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/** Templates and their immutable versions in the database; named queries, each a single indexed lookup. */
@ApplicationScoped
public class TemplateStore {

    /** PARTIAL is the channel of includable pieces; the other channels are those of {@link jp.koyomi.domain.Channel}. */
    public static final String PARTIAL = "PARTIAL";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /**
     * One immutable version. {@code partials} maps each partial a message template includes to the
     * partial version pinned when it was saved; null for partials and for versions saved before pinning.
     */
    @Schema(name = "TemplateVersion", requiredProperties = { "id", "name", "channel", "version", "source", "created_at" })
    public record Version(long id, String name, String channel, int version, String source, String createdBy,
            OffsetDateTime createdAt, Map<String, Long> partials) {
    }

    /** Adds the next version of (name, channel), creating the template on its first version. */
    public Version add(String name, String channel, String source, String user) {
        return add(name, channel, source, user, null);
    }

    /** Adds the next version of a message template with the partial versions it includes. */
    public Version add(String name, String channel, String source, String user, Map<String, Long> partials) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            long templateId = templateId(c, name, channel).orElseGet(() -> create(c, name, channel, now));
            int next;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM template_version WHERE template_id = ?")) {
                s.setLong(1, templateId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO template_version (template_id, version, source, "
                    + "created_by, created_at, partials) VALUES (?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                s.setLong(1, templateId);
                s.setInt(2, next);
                s.setString(3, source);
                s.setString(4, user);
                s.setObject(5, now);
                s.setString(6, partials == null ? null : json(partials));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new Version(keys.getLong(1), name, channel, next, source, user, now,
                            partials == null ? null : Map.copyOf(partials));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store template " + name, e);
        }
    }

    public Optional<Version> version(long id) {
        return one("WHERE v.id = ?", id);
    }

    public Optional<Version> latest(String name, String channel) {
        return one("WHERE t.name = ? AND t.channel = ? ORDER BY v.version DESC FETCH FIRST 1 ROWS ONLY", name, channel);
    }

    /** Every version of (name, channel), newest first: the template's history. */
    public List<Version> history(String name, String channel) {
        return many("WHERE t.name = ? AND t.channel = ? ORDER BY v.version DESC", name, channel);
    }

    /** The latest version of every template, for listing. */
    public List<Version> latestOfEach() {
        return many("WHERE v.version = (SELECT MAX(v2.version) FROM template_version v2 WHERE v2.template_id = t.id) "
                + "ORDER BY t.name, t.channel");
    }

    public boolean isEmpty() {
        return latestOfEach().isEmpty();
    }

    static String json(Object source) {
        try {
            return JSON.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> pins(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored partial versions are not JSON", e);
        }
    }

    private Optional<Long> templateId(Connection c, String name, String channel) {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM message_template WHERE name = ? AND channel = ?")) {
            s.setString(1, name);
            s.setString(2, channel);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long create(Connection c, String name, String channel, OffsetDateTime now) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO message_template (name, channel, created_at) "
                + "VALUES (?, ?, ?)", new String[] { "id" })) {
            s.setString(1, name);
            s.setString(2, channel);
            s.setObject(3, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Version> one(String where, Object... args) {
        List<Version> found = many(where, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Version> many(String where, Object... args) {
        List<Version> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT v.id, t.name, "
                + "t.channel, v.version, v.source, v.created_by, v.created_at, v.partials FROM template_version v "
                + "JOIN message_template t ON t.id = v.template_id " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(new Version(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), pins(rs.getString(8))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read templates", e);
        }
        return versions;
    }
}
