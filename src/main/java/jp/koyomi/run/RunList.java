package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.KeysetPage;
import jp.koyomi.common.NotFoundException;

/** Runs newest first, and one run's progress: what the UI's home and runs pages poll. */
@ApplicationScoped
public class RunList {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    public record RunSummary(long id, long campaignId, String campaignName, String kind, String status,
            OffsetDateTime occurrenceAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, long customersDecided) {
    }

    /**
     * @param customersTotal the audience the run streams (every customer); equals decided once the run is over
     * @param ratePerSecond  customers decided per second since the run started; null before it starts
     * @param etaSeconds     at that rate, seconds until every customer is decided; null unless running
     */
    public record Progress(long runId, String status, long customersDecided, long customersTotal, Double ratePerSecond,
            Long etaSeconds) {
    }

    public KeysetPage<RunSummary> page(Long campaignId, Long after, int limit) {
        KeysetPage.limit(limit);
        StringBuilder sql = new StringBuilder("SELECT r.id, r.campaign_id, c.name, r.kind, r.status, r.occurrence_at, "
                + "r.started_at, r.finished_at, (SELECT COUNT(*) FROM run_decision d WHERE d.run_id = r.id) "
                + "FROM campaign_run r JOIN campaign c ON c.id = r.campaign_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (campaignId != null) {
            sql.append(" AND r.campaign_id = ?");
            args.add(campaignId);
        }
        if (after != null) {
            sql.append(" AND r.id < ?");
            args.add(after);
        }
        sql.append(" ORDER BY r.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        List<RunSummary> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new RunSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                            rs.getObject(8, OffsetDateTime.class), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list runs", e);
        }
        return new KeysetPage<>(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    public Progress progress(long runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT r.status, "
                + "r.started_at, r.finished_at, (SELECT COUNT(*) FROM run_decision d WHERE d.run_id = r.id), "
                + "(SELECT COUNT(*) FROM customer) FROM campaign_run r WHERE r.id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("run", runId);
                }
                String status = rs.getString(1);
                OffsetDateTime started = rs.getObject(2, OffsetDateTime.class);
                OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                long decided = rs.getLong(4);
                boolean running = "RUNNING".equals(status) || "PENDING".equals(status);
                long total = running ? Math.max(decided, rs.getLong(5)) : decided;
                Double rate = null;
                Long eta = null;
                if (started != null) {
                    OffsetDateTime end = finished != null ? finished : OffsetDateTime.now(clock);
                    double seconds = Math.max(Duration.between(started, end).toMillis(), 1) / 1000.0;
                    rate = decided / seconds;
                    if (running && rate > 0) {
                        eta = Math.round((total - decided) / rate);
                    }
                }
                return new Progress(runId, status, decided, total, rate, eta);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read run " + runId, e);
        }
    }
}
