package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.ConflictException;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;

/** What a marketer does to runs: start one now (once), cancel one, resume a failed one from its checkpoint. */
@ApplicationScoped
public class RunService {

    /** The header a client repeats to have a retried "run now" answered with the run it already started. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunReports reports;

    @Inject
    Clock clock;

    @Inject
    Event<RunQueued> queued;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** What "run now" did: started a new run, or answered a repeated request with the run it had started. */
    public record Started(RunReport run, boolean created) {
    }

    /**
     * A MANUAL run of an approved campaign, executed by the next free worker. At most one run of a
     * campaign revision is pending or running at a time, so a double click cannot send twice; a
     * request repeating an {@code Idempotency-Key} gets the run its first attempt started.
     */
    @Transactional
    public Started runNow(long campaignId, Optional<String> idempotencyKey) {
        idempotencyKey.ifPresent(RunService::checkIdempotencyKey);
        try (Connection c = dataSource.getConnection()) {
            int revision;
            String templates;
            // FOR UPDATE: concurrent "run now" requests of one campaign take turns, so the checks below
            // and the insert cannot interleave.
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT revision, approved_revision, status, definition FROM campaign WHERE id = ? FOR UPDATE")) {
                s.setLong(1, campaignId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("campaign", campaignId);
                    }
                    OptionalLong earlier = idempotencyKey.isEmpty() ? OptionalLong.empty()
                            : runWithKey(c, campaignId, idempotencyKey.get());
                    if (earlier.isPresent()) {
                        return new Started(reports.report(earlier.getAsLong()), false);
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
            refuseWhileAnotherRunIsUnderWay(c, campaignId, revision);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO campaign_run (campaign_id, occurrence_at, kind, "
                    + "status, revision, created_at, template_versions, idempotency_key) "
                    + "VALUES (?, ?, 'MANUAL', 'PENDING', ?, ?, ?, ?)", new String[] { "id" })) {
                var now = clock.instant().atOffset(ZoneOffset.UTC);
                s.setLong(1, campaignId);
                s.setObject(2, now);
                s.setInt(3, revision);
                s.setObject(4, now);
                s.setString(5, templates);
                s.setString(6, idempotencyKey.orElse(null));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    queued.fire(new RunQueued(keys.getLong(1)));
                    return new Started(reports.report(keys.getLong(1)), true);
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot start a run", e);
        }
    }

    private static void checkIdempotencyKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw new InvalidInputException(IDEMPOTENCY_KEY_HEADER, "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters, e.g. a UUID");
        }
    }

    private static OptionalLong runWithKey(Connection c, long campaignId, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM campaign_run WHERE campaign_id = ? AND idempotency_key = ?")) {
            s.setLong(1, campaignId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Scheduled or manual: a second run of the same revision beside a live one would reach everyone twice. */
    private static void refuseWhileAnotherRunIsUnderWay(Connection c, long campaignId, int revision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, status FROM campaign_run WHERE campaign_id = ? "
                + "AND revision = ? AND status IN ('PENDING', 'RUNNING') ORDER BY id")) {
            s.setLong(1, campaignId);
            s.setInt(2, revision);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new ConflictException("run " + rs.getLong(1) + " of campaign " + campaignId + " revision "
                            + revision + " is " + rs.getString(2) + "; wait until it finishes (GET /api/v1/runs/"
                            + rs.getLong(1) + ") or cancel it before starting another");
                }
            }
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
        RunReport resumed = transition(runId, "PENDING", "'FAILED'");
        queued.fire(new RunQueued(runId));
        return resumed;
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
