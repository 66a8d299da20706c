package jp.koyomi.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns due cadence occurrences into runs. Each occurrence becomes exactly one {@code campaign_run}
 * row whichever instance, tick or restart gets there first: the unique (campaign, occurrence)
 * key refuses the second insert. Occurrences later than the grace period are recorded as MISSED, and
 * so are those that come while a manual run of the same revision is under way (with the reason).
 */
public class RunPlanner {

    /** At most this many past occurrences per campaign and tick, so a long outage cannot flood the table. */
    static final int MAX_BACKLOG = 50;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Duration grace;

    public RunPlanner(DataSource dataSource, ObjectMapper json, Duration grace) {
        this.dataSource = dataSource;
        this.json = json;
        this.grace = grace;
    }

    record Due(long campaignId, int revision, CampaignDefinition definition, Instant since, String templateVersions) {
    }

    /** Plans the runs due at {@code now}; returns how many runs this call created (0 if another instance did). */
    public int plan(Instant now) throws SQLException {
        int created = 0;
        try (Connection c = dataSource.getConnection()) {
            for (Due due : activeApproved(c)) {
                Instant cursor = due.since();
                Long manual = null;
                for (ZonedDateTime occurrence : due.definition().cadence().upcoming(cursor, MAX_BACKLOG)) {
                    if (occurrence.toInstant().isAfter(now)) {
                        break;
                    }
                    boolean late = Duration.between(occurrence.toInstant(), now).compareTo(grace) > 0;
                    manual = late || manual != null ? manual : liveManualRun(c, due);
                    String why = late ? null : manual == null ? null : "run " + manual + " (run now) of the same "
                            + "revision was under way: this occurrence would have reached its customers twice";
                    created += insert(c, due, occurrence.toInstant(), late || why != null ? "MISSED" : "PENDING", why,
                            now) ? 1 : 0;
                }
            }
        }
        return created;
    }

    /** Active, approved campaigns with the instant their schedule resumes from: the last planned occurrence or approval. */
    private List<Due> activeApproved(Connection c) throws SQLException {
        List<Due> due = new ArrayList<>();
        String sql = "SELECT c.id, c.revision, c.definition, c.approved_at, (SELECT MAX(r.occurrence_at) FROM campaign_run r "
                + "WHERE r.campaign_id = c.id AND r.kind = 'SCHEDULED') FROM campaign c "
                + "WHERE c.status = 'ACTIVE' AND c.approved_revision = c.revision";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime approvedAt = rs.getObject(4, OffsetDateTime.class);
                OffsetDateTime last = rs.getObject(5, OffsetDateTime.class);
                Instant since = (last != null ? last : approvedAt).toInstant();
                CampaignDefinition definition = json.readValue(rs.getString(3), CampaignDefinition.class);
                due.add(new Due(rs.getLong(1), rs.getInt(2), definition, since,
                        json.writeValueAsString(definition.templates())));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a campaign definition is unreadable", e);
        }
        return due;
    }

    /**
     * A manual run ("run now") of the campaign's current revision still PENDING or RUNNING, or null.
     * "Run now" refuses to start beside a live run of the revision; this is the other direction.
     */
    private static Long liveManualRun(Connection c, Due due) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM campaign_run WHERE campaign_id = ? AND revision = ? "
                + "AND kind = 'MANUAL' AND status IN ('PENDING', 'RUNNING') ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, due.campaignId());
            s.setInt(2, due.revision());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean insert(Connection c, Due due, Instant occurrence, String status, String error, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, "
                + "revision, created_at, template_versions, error) VALUES (?, ?, 'SCHEDULED', ?, ?, ?, ?, ?)")) {
            s.setLong(1, due.campaignId());
            s.setObject(2, occurrence.atOffset(ZoneOffset.UTC));
            s.setString(3, status);
            s.setInt(4, due.revision());
            s.setObject(5, now.atOffset(ZoneOffset.UTC));
            s.setString(6, due.templateVersions());
            s.setString(7, error);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
