package jp.koyomi.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.koyomi.metrics.PipelineMetrics;
import jp.koyomi.settings.EffectiveSettings;
import jp.koyomi.settings.SettingsService;

/**
 * Executes runs as DESIGN.md draws it: audience batch → decide → write outbox rows, decisions and
 * checkpoint in one transaction → next batch. A run's audience is split into slices ({@link
 * RunSlices}) that any thread of any instance claims; each claim is fenced by a generation, and every
 * batch renews the lease only while the claim is still the slice's current one. A worker that lost
 * its slice (its lease ran out and another took over, or the run was cancelled) stops quietly at its
 * next batch; a slice that stops half way (crash, error) resumes from its checkpoint, and the unique
 * (run, customer) decision key keeps any customer from being decided twice.
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
    PipelineMetrics metrics;

    @Inject
    SettingsService settings;

    /** Who this instance is as the owner of slices. */
    String instanceId;

    /** Slices a thread of this instance executes now; any other slice owned by this instance is an orphan of a restart. */
    private final Set<String> executing = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        instanceId = config.instanceId().orElseGet(RunExecutor::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "koyomi";
        }
    }

    /** A started run. */
    public record ClaimedRun(long id, long campaignId, int revision) {
    }

    /** A slice this worker holds, as of its last batch: the generation is the fencing token of the claim. */
    public record ClaimedSlice(ClaimedRun run, int sliceNo, long lastId, long checkpoint, long generation) {

        ClaimedSlice at(long newCheckpoint) {
            return new ClaimedSlice(run, sliceNo, lastId, newCheckpoint, generation);
        }

        String key() {
            return run.id() + "/" + sliceNo;
        }
    }

    /**
     * A run left RUNNING by a version without slices (an upgrade mid-run): it continues from its
     * checkpoint. Slices are planned in the transaction that makes a run RUNNING, so no other run matches.
     */
    private static final String UNSLICED = "(status = 'RUNNING' AND NOT EXISTS "
            + "(SELECT 1 FROM run_slice WHERE run_slice.run_id = campaign_run.id))";

    /** Starts the oldest PENDING run: makes it RUNNING and plans its slices, or reopens those of a resumed run. */
    public Optional<ClaimedRun> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<ClaimedRun> candidates = new ArrayList<>();
                long[] checkpoints = new long[10];
                try (PreparedStatement s = c.prepareStatement("SELECT id, campaign_id, revision, checkpoint FROM campaign_run "
                        + "WHERE status = 'PENDING' OR " + UNSLICED + " ORDER BY occurrence_at, id FETCH FIRST 10 ROWS ONLY");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        checkpoints[candidates.size()] = rs.getLong(4);
                        candidates.add(new ClaimedRun(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                    }
                }
                for (int i = 0; i < candidates.size(); i++) {
                    ClaimedRun run = candidates.get(i);
                    // The status condition makes the start atomic: of two instances, one updates the row.
                    try (PreparedStatement s = c.prepareStatement("UPDATE campaign_run SET status = 'RUNNING', "
                            + "started_at = COALESCE(started_at, ?), claimed_until = NULL WHERE id = ? AND (status = 'PENDING' OR "
                            + UNSLICED + ")")) {
                        s.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                        s.setLong(2, run.id());
                        if (s.executeUpdate() == 0) {
                            continue;
                        }
                    }
                    RunSlices.planOrReopen(c, run.id(), checkpoints[i], config.sliceSize(),
                            Math.max(config.batchSize(), RunSlices.MIN_SLICE_SIZE));
                    return Optional.of(run);
                }
                return Optional.empty();
            }
        });
    }

    /**
     * Claims an open slice of a running run (of {@code runId} only, when given): one never claimed, one
     * whose lease ran out, or one this instance owned before a restart and no thread of it runs now.
     */
    public Optional<ClaimedSlice> claimSlice(Optional<Long> runId) {
        String[] taken = new String[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    Instant now = clock.instant();
                    for (RunSlices.Open open : RunSlices.claimable(c, runId, now, instanceId)) {
                        // Marked before the commit, so no other thread of ours claims it in between.
                        if (executing.add(open.key())) {
                            taken[0] = open.key();
                            return Optional.of(RunSlices.claim(c, open, instanceId, now.plus(config.lease())));
                        }
                    }
                    return Optional.<ClaimedSlice>empty();
                }
            });
        } catch (RuntimeException e) {
            if (taken[0] != null) {
                executing.remove(taken[0]);
            }
            throw e;
        }
    }

    /**
     * Frees slices a frozen holder still has locked past its lease (see {@link RunSlices#endOverdueHolders}),
     * so this instance can take them over; a failure is logged, the next poll tries again.
     */
    public void endOverdueHolders() {
        try {
            int ended = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return RunSlices.endOverdueHolders(c, config.lease());
                }
            });
            if (ended > 0) {
                LOG.warnf("Ended %d database session(s) holding run slices longer than the lease (%s): their instance "
                        + "is frozen or too slow; the slices are taken over from their checkpoints", ended, config.lease());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot check for run slices held past their lease: %s", e.getMessage());
        }
    }

    /** Runs every slice of this run that this thread can claim to its end; others may run the rest at once. */
    public void execute(ClaimedRun run, RunPipeline pipeline) {
        for (Optional<ClaimedSlice> slice = claimSlice(Optional.of(run.id())); slice.isPresent();
                slice = claimSlice(Optional.of(run.id()))) {
            execute(slice.get(), pipeline);
        }
    }

    /**
     * Runs a claimed slice to its end, or until it is lost or its connection dies; any other failure
     * leaves the run FAILED at its checkpoints.
     */
    public void execute(ClaimedSlice claimed, RunPipeline pipeline) {
        ClaimedSlice slice = claimed;
        long batchStarted = System.nanoTime();
        try {
            while (slice != null) {
                batchStarted = System.nanoTime();
                slice = step(slice, pipeline);
            }
        } catch (RuntimeException e) {
            // Real time, not the clock: a batch that outlived its transaction timeout was stalled or frozen.
            boolean stalled = Duration.ofNanos(System.nanoTime() - batchStarted).compareTo(batchTimeout()) > 0;
            stopAfter(slice == null ? claimed : slice, e, stalled);
        } finally {
            executing.remove(claimed.key());
        }
    }

    /**
     * After a batch failed: a holder that lost the slice meanwhile (frozen past its lease and taken over,
     * or the run was stopped) stops quietly, and so does one whose database connection died under it or
     * whose batch outlived its transaction timeout ({@code stalled}: the transaction was ended under
     * it), letting go of the slice, which resumes from its checkpoint at once; any other failure is
     * the run's and fails it.
     */
    private void stopAfter(ClaimedSlice slice, RuntimeException e, boolean stalled) {
        boolean held;
        try {
            held = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return RunSlices.held(c, slice);
                }
            });
        } catch (RuntimeException unknown) {
            // The database cannot be asked: the lease runs out and the slice is taken up from its checkpoint.
            LOG.errorf(e, "Run %d slice %d stopped after customer %d; the database cannot tell whether it is still "
                    + "ours (%s)", slice.run().id(), slice.sliceNo(), slice.checkpoint(), unknown.getMessage());
            return;
        }
        if (!held) {
            LOG.infof("Run %d slice %d: its batch after customer %d failed (%s) and the slice is no longer ours (taken "
                    + "over, or the run stopped); leaving it", slice.run().id(), slice.sliceNo(), slice.checkpoint(),
                    e.getMessage());
        } else if (stalled || connectionLost(e)) {
            LOG.warnf("Run %d slice %d: the batch after customer %d %s (%s); letting the slice go, to be resumed from "
                    + "there", slice.run().id(), slice.sliceNo(), slice.checkpoint(), stalled ? "outlived its "
                    + "transaction (this instance stalled, or the batch is too slow for koyomi.runs.lease)"
                    : "lost its database connection", e.getMessage());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        RunSlices.letGo(c, slice);
                    } catch (SQLException failure) {
                        throw new IllegalStateException(failure);
                    }
                });
            } catch (RuntimeException failure) {
                LOG.errorf(failure, "Cannot let go of run %d slice %d; it is taken up when its lease runs out",
                        slice.run().id(), slice.sliceNo());
            }
        } else {
            LOG.errorf(e, "Run %d stopped in slice %d after customer %d", slice.run().id(), slice.sliceNo(),
                    slice.checkpoint());
            markFailed(slice.run().id(), e);
        }
    }

    /**
     * Whether the failure is the loss of the connection itself (SQLSTATE class 08; PostgreSQL ending the
     * session: an operator, a shutdown, or the idle-in-transaction limit {@link RunSlices#renew} sets).
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().equals("25P03"))) {
                return true;
            }
        }
        return false;
    }

    /** One batch of a slice in one transaction; the slice as of the next batch, or null when it ended or was lost. */
    ClaimedSlice step(ClaimedSlice slice, RunPipeline pipeline) {
        // Read per batch: a cap window or quiet hours changed by an admin apply from the next batch on.
        EffectiveSettings current = settings.current();
        AudienceReader reader = new AudienceReader(config.offerHistoryWindow(), current.capWindow());
        // The lease outlives any batch: a transaction that ran past half of it is rolled back.
        int timeout = (int) batchTimeout().toSeconds();
        return QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Instant now = clock.instant();
                // First, so the slice row stays locked until commit: nobody takes it over mid-batch.
                if (!RunSlices.renew(c, slice, now.plus(config.lease()), Duration.ofSeconds(timeout))) {
                    LOG.infof("Run %d slice %d: no longer ours (taken over, or the run stopped); leaving it after "
                            + "customer %d", slice.run().id(), slice.sliceNo(), slice.checkpoint());
                    return null;
                }
                List<AudienceMember> batch = reader.nextBatch(c, slice.checkpoint(), slice.lastId(), config.batchSize(), now);
                if (batch.isEmpty()) {
                    RunSlices.finish(c, slice, clock.instant());
                    return null;
                }
                List<RunOutcome> outcomes = new ArrayList<>(batch.size());
                for (AudienceMember member : batch) {
                    outcomes.add(pipeline.decide(member));
                }
                long last = batch.get(batch.size() - 1).id();
                RunWriter.write(c, slice.run().id(), slice.run().campaignId(), slice.sliceNo(), outcomes, last, now,
                        QuietHours.firstSendAt(current, now));
                metrics.decided(outcomes.size());
                return slice.at(last);
            }
        });
    }

    /** How long a batch transaction may last: half the lease, so the lease outlives any batch. */
    private Duration batchTimeout() {
        return Duration.ofSeconds(Math.max(1, config.lease().toSeconds() / 2));
    }

    /** Fails the run with the reason and frees its slices, so a resume continues each from its checkpoint. */
    public void markFailed(long runId, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        // Our threads still in one of its slices stop at their next batch anyway.
        executing.removeIf(key -> key.startsWith(runId + "/"));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    RunSlices.release(c, runId);
                    // Only a run still under way: one completed or cancelled meanwhile keeps its status.
                    try (PreparedStatement s = c.prepareStatement("UPDATE campaign_run SET status = 'FAILED', error = ?, "
                            + "finished_at = ?, claimed_until = NULL WHERE id = ? AND status IN ('PENDING', 'RUNNING')")) {
                        s.setString(1, message.length() > 1900 ? message.substring(0, 1900) : message);
                        s.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                        s.setLong(3, runId);
                        s.executeUpdate();
                    }
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure);
                }
            });
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Cannot mark run %d failed", runId);
        }
    }
}
