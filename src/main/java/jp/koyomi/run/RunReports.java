package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.delivery.DeliveryStatus;

/** Builds run reports from the decisions and the outbox: counted by the database, never in memory. */
@ApplicationScoped
public class RunReports {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    public RunReport report(long runId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT campaign_id, kind, status, occurrence_at, started_at, "
                    + "finished_at, revision, error, template_versions FROM campaign_run WHERE id = ?")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("run", runId);
                    }
                    Map<String, Long> outcomes = counts(c, "SELECT outcome, COUNT(*) FROM run_decision WHERE run_id = ? "
                            + "GROUP BY outcome", runId);
                    return new RunReport(runId, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                            rs.getObject(6, OffsetDateTime.class), rs.getInt(7), templateVersions(rs.getString(9)),
                            outcomes.values().stream().mapToLong(Long::longValue).sum(), outcomes,
                            counts(c, "SELECT skip_reason, COUNT(*) FROM run_decision WHERE run_id = ? AND "
                                    + "skip_reason IS NOT NULL GROUP BY skip_reason", runId),
                            counts(c, "SELECT channel, COUNT(*) FROM delivery WHERE run_id = ? GROUP BY channel", runId),
                            deliveryStatuses(c, runId),
                            rs.getString(8));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read run " + runId, e);
        }
    }

    private static Map<String, Long> templateVersions(String json) {
        Map<String, Long> versions = new TreeMap<>();
        if (json != null) {
            try {
                JSON.readTree(json).fields().forEachRemaining(f -> versions.put(f.getKey(), f.getValue().asLong()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unreadable template versions of a run", e);
            }
        }
        return versions;
    }

    /** Every delivery status, zero included, so EXPIRED and SOLD_OUT_BEFORE_SEND show even when none happened. */
    private static Map<String, Long> deliveryStatuses(Connection c, long runId) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status.name(), 0L);
        }
        counts.putAll(counts(c, "SELECT status, COUNT(*) FROM delivery WHERE run_id = ? GROUP BY status", runId));
        return counts;
    }

    private static Map<String, Long> counts(Connection c, String sql, long runId) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
