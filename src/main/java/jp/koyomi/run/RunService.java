package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.ConflictException;
import jp.koyomi.common.NotFoundException;

/** What a marketer does to runs: start one now, cancel one, resume a failed one from its checkpoint. */
@ApplicationScoped
public class RunService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunReports reports;

    @Inject
    Clock clock;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** A MANUAL run of an approved campaign, executed by the next free worker. */
    @Transactional
    public RunReport runNow(long campaignId) {
        try (Connection c = dataSource.getConnection()) {
            int revision;
            String templates;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT revision, approved_revision, status, definition FROM campaign WHERE id = ?")) {
                s.setLong(1, campaignId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("campaign", campaignId);
                    }
                    revision = rs.getInt(1);
                    int approved = rs.getInt(2);
                    if (rs.wasNull() || approved != revision) {
                        throw new ConflictException("campaign " + campaignId + " revision " + revision
                                + " is not approved; an admin must approve it before it can send");
                    }
                    if (rs.getString(3).equals("ARCHIVED")) {
                        throw new ConflictException("campaign " + campaignId + " is archived");
                    }
                    templates = json.readTree(rs.getString(4)).path("templates").toString();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO campaign_run (campaign_id, occurrence_at, kind, "
                    + "status, revision, created_at, template_versions) VALUES (?, ?, 'MANUAL', 'PENDING', ?, ?, ?)",
                    new String[] { "id" })) {
                var now = clock.instant().atOffset(ZoneOffset.UTC);
                s.setLong(1, campaignId);
                s.setObject(2, now);
                s.setInt(3, revision);
                s.setObject(4, now);
                s.setString(5, templates);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return reports.report(keys.getLong(1));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot start a run", e);
        }
    }

    /** Stops a run at its next batch; what is already in the outbox stays there. */
    @Transactional
    public RunReport cancel(long runId) {
        return transition(runId, "CANCELLED", "'PENDING', 'RUNNING'");
    }

    /** Puts a failed run back in the queue; it continues from its checkpoint. */
    @Transactional
    public RunReport resume(long runId) {
        return transition(runId, "PENDING", "'FAILED'");
    }

    private RunReport transition(long runId, String to, String from) {
        RunReport current = reports.report(runId);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE campaign_run SET status = ?, claimed_until = NULL WHERE id = ? AND status IN (" + from + ")")) {
            s.setString(1, to);
            s.setLong(2, runId);
            if (s.executeUpdate() == 0) {
                throw new ConflictException("run " + runId + " is " + current.status() + "; only runs that are "
                        + from.replace("'", "") + " can become " + to);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change run " + runId, e);
        }
        return reports.report(runId);
    }
}
