package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Executes a run as DESIGN.md draws it: audience batch → decide → write outbox rows, decisions and
 * checkpoint in one transaction → next batch. A run that stops half way (crash, error, lost
 * lease) resumes from its checkpoint; the unique (run, customer, channel) key keeps any customer
 * from getting the message twice.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunConfig config;

    @Inject
    Clock clock;

    @Inject
    jp.koyomi.metrics.PipelineMetrics metrics;

    /** A run this instance now holds the lease on. */
    public record ClaimedRun(long id, long campaignId, long checkpoint, int revision) {
    }

    /** Takes the oldest PENDING run, or a RUNNING one whose instance lost its lease. */
    public Optional<ClaimedRun> claimNext() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM campaign_run WHERE status = 'PENDING' "
                    + "OR (status = 'RUNNING' AND claimed_until < ?) ORDER BY occurrence_at, id FETCH FIRST 10 ROWS ONLY")) {
                s.setObject(1, now.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            for (long id : candidates) {
                Optional<ClaimedRun> claimed = claim(c, id, now);
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim a run", e);
        }
    }

    private Optional<ClaimedRun> claim(Connection c, long id, Instant now) throws SQLException {
        // The status condition in the UPDATE makes the claim atomic: of two instances, one updates a row.
        try (PreparedStatement s = c.prepareStatement("UPDATE campaign_run SET status = 'RUNNING', claimed_until = ?, "
                + "started_at = COALESCE(started_at, ?) WHERE id = ? AND (status = 'PENDING' OR (status = 'RUNNING' "
                + "AND claimed_until < ?))")) {
            s.setObject(1, now.plus(config.lease()).atOffset(ZoneOffset.UTC));
            s.setObject(2, now.atOffset(ZoneOffset.UTC));
            s.setLong(3, id);
            s.setObject(4, now.atOffset(ZoneOffset.UTC));
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT campaign_id, checkpoint, revision FROM campaign_run WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.of(new ClaimedRun(id, rs.getLong(1), rs.getLong(2), rs.getInt(3)));
            }
        }
    }

    /** Runs the claimed run to its end with this pipeline; a failure leaves it FAILED at its last checkpoint. */
    public void execute(ClaimedRun run, RunPipeline pipeline) {
        AudienceReader reader = new AudienceReader(config.offerHistoryWindow(), config.cap().window());
        QuietHours quiet = new QuietHours(config.quietHours().opens(), config.quietHours().closes(),
                config.quietHours().zone());
        boolean quietHoursOn = !config.quietHours().disabled().orElse(false);
        long checkpoint = run.checkpoint();
        try {
            while (true) {
                long from = checkpoint;
                Long next = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        if (!stillRunning(c, run.id())) {
                            return null;
                        }
                        Instant now = clock.instant();
                        List<AudienceMember> batch = reader.nextBatch(c, from, config.batchSize(), now);
                        if (batch.isEmpty()) {
                            finish(c, run.id(), "COMPLETED", null);
                            return null;
                        }
                        List<RunOutcome> outcomes = new ArrayList<>(batch.size());
                        for (AudienceMember member : batch) {
                            outcomes.add(pipeline.decide(member));
                        }
                        long last = batch.get(batch.size() - 1).id();
                        RunWriter.write(c, run.id(), run.campaignId(), outcomes, last, now,
                                quietHoursOn ? quiet.firstSendAt(now) : now, now.plus(config.lease()));
                        metrics.decided(outcomes.size());
                        return last;
                    }
                });
                if (next == null) {
                    return;
                }
                checkpoint = next;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %d stopped after customer %d", run.id(), checkpoint);
            markFailed(run.id(), e);
        }
    }

    private static boolean stillRunning(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM campaign_run WHERE id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1).equals("RUNNING");
            }
        }
    }

    private void finish(Connection c, long runId, String status, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE campaign_run SET status = ?, error = ?, finished_at = ?, claimed_until = NULL WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, error);
            s.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            s.setLong(4, runId);
            s.executeUpdate();
        }
    }

    public void markFailed(long runId, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        try (Connection c = dataSource.getConnection()) {
            finish(c, runId, "FAILED", message.length() > 1900 ? message.substring(0, 1900) : message);
        } catch (SQLException failure) {
            LOG.errorf(failure, "Cannot mark run %d failed", runId);
        }
    }
}
