package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The named queries behind shared runs: a run's audience split into keyset slices of customer ids,
 * claimed with {@code FOR UPDATE SKIP LOCKED} by any worker, fenced by a generation bumped on every
 * claim. Lock order is slice row, then run row, everywhere both are locked.
 */
final class RunSlices {

    /** An open slice as a claimer sees it before claiming it. */
    record Open(long runId, int sliceNo, String owner, boolean expired) {

        String key() {
            return runId + "/" + sliceNo;
        }
    }

    private RunSlices() {
    }

    /** Slices a large run is split into at least, so threads finish together instead of waiting on a last big one. */
    static final int MIN_SLICES = 32;
    /** Nor smaller than this: a claim per few hundred customers is overhead. */
    static final int MIN_SLICE_SIZE = 1000;

    /**
     * Splits a run starting after {@code checkpoint} into slices of at most {@code size} customers; an
     * audience larger than one slice is cut into {@link #MIN_SLICES} at least while they are not smaller
     * than {@code floor}. The last slice is open-ended so customers added during the run are decided
     * too. A resumed run keeps its slices and their checkpoints: only the ones left half way are opened
     * again.
     */
    static void planOrReopen(Connection c, long runId, long checkpoint, int size, int floor) throws SQLException {
        release(c, runId);
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM run_slice WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        List<Long> bounds = new ArrayList<>();
        // Every k-th id by an index-only scan: the slice ends, without reading any customer row.
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n, "
                + "COUNT(*) OVER () AS total FROM customer WHERE id > ?) numbered "
                + "WHERE MOD(n, CASE WHEN total <= ? THEN ? ELSE LEAST(?, GREATEST(?, CAST(total / " + MIN_SLICES
                + " AS INTEGER))) END) = 0 ORDER BY id")) {
            s.setLong(1, checkpoint);
            s.setInt(2, size);
            s.setInt(3, size);
            s.setInt(4, size);
            s.setInt(5, Math.min(size, floor));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bounds.add(rs.getLong(1));
                }
            }
        }
        bounds.add(Long.MAX_VALUE);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_slice (run_id, slice_no, after_id, last_id, "
                + "checkpoint, status) VALUES (?, ?, ?, ?, ?, 'PENDING')")) {
            long after = checkpoint;
            for (int i = 0; i < bounds.size(); i++) {
                s.setLong(1, runId);
                s.setInt(2, i);
                s.setLong(3, after);
                s.setLong(4, bounds.get(i));
                s.setLong(5, after);
                s.addBatch();
                after = bounds.get(i);
            }
            s.executeBatch();
        }
    }

    /**
     * Open slices of running runs that may be claimed now, oldest run first, locked for this
     * transaction; slices another worker is in the middle of a batch of are skipped, not waited for.
     */
    static List<Open> claimable(Connection c, Optional<Long> runId, Instant now, String me) throws SQLException {
        List<Open> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, slice_no, owner, claimed_until FROM run_slice "
                + "WHERE status <> 'DONE' AND run_id IN (SELECT id FROM campaign_run WHERE status = 'RUNNING') "
                + (runId.isPresent() ? "AND run_id = ? " : "")
                + "AND (claimed_until IS NULL OR claimed_until < ? OR owner = ?) "
                + "ORDER BY run_id, slice_no FETCH FIRST 20 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            if (runId.isPresent()) {
                s.setLong(i++, runId.get());
            }
            s.setObject(i++, now.atOffset(ZoneOffset.UTC));
            s.setString(i, me);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
                    found.add(new Open(rs.getLong(1), rs.getInt(2), rs.getString(3),
                            until == null || until.toInstant().isBefore(now)));
                }
            }
        }
        return found;
    }

    /** Takes a slice locked by {@link #claimable}: a new generation, so its previous holder is fenced out. */
    static RunExecutor.ClaimedSlice claim(Connection c, Open open, String me, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE run_slice SET status = 'RUNNING', owner = ?, "
                + "generation = generation + 1, claimed_until = ? WHERE run_id = ? AND slice_no = ?")) {
            s.setString(1, me);
            s.setObject(2, until.atOffset(ZoneOffset.UTC));
            s.setLong(3, open.runId());
            s.setInt(4, open.sliceNo());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT r.campaign_id, r.revision, s.last_id, s.checkpoint, "
                + "s.generation FROM run_slice s JOIN campaign_run r ON r.id = s.run_id WHERE s.run_id = ? AND s.slice_no = ?")) {
            s.setLong(1, open.runId());
            s.setInt(2, open.sliceNo());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RunExecutor.ClaimedSlice(new RunExecutor.ClaimedRun(open.runId(), rs.getLong(1), rs.getInt(2)),
                        open.sliceNo(), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }

    /**
     * Extends the lease if the slice is still this claim's and its run still running; the row stays
     * locked until the batch commits. False means: stop, someone else has it or the run was stopped.
     *
     * <p>On PostgreSQL the batch transaction is also bounded on the server: idle in it for longer than
     * {@code idleLimit} (its holder frozen by a stop signal, a hung VM, a GC pause), the server ends the
     * session, which rolls the batch back and frees the slice row, so another instance can take the
     * slice over when the lease runs out. The limit in the application ({@code transaction timeout})
     * cannot do that: it runs in the frozen process.
     */
    static boolean renew(Connection c, RunExecutor.ClaimedSlice slice, Instant until, Duration idleLimit)
            throws SQLException {
        if (isPostgreSql(c)) {
            try (Statement s = c.createStatement()) {
                // SET LOCAL: for this transaction only, the pooled connection goes back unchanged.
                s.execute("SET LOCAL idle_in_transaction_session_timeout = " + Math.max(1000, idleLimit.toMillis()));
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE run_slice SET claimed_until = ? WHERE run_id = ? "
                + "AND slice_no = ? AND generation = ? AND status = 'RUNNING' "
                + "AND EXISTS (SELECT 1 FROM campaign_run r WHERE r.id = run_slice.run_id AND r.status = 'RUNNING')")) {
            s.setObject(1, until.atOffset(ZoneOffset.UTC));
            s.setLong(2, slice.run().id());
            s.setInt(3, slice.sliceNo());
            s.setLong(4, slice.generation());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Ends the database sessions whose transaction has held run slice rows (claimed, renewed or locked
     * for a claim) for longer than a whole lease: their holder is frozen (a stop signal, a hung VM)
     * somewhere the idle limit of {@link #renew} does not reach, such as in the middle of a statement or
     * of a claim. Its lease has run out, so the slice is no longer its own; ending the session rolls its
     * batch back and frees the rows for a takeover. PostgreSQL only: on H2 one instance runs alone.
     *
     * @return how many sessions were ended
     */
    static int endOverdueHolders(Connection c, Duration lease) throws SQLException {
        if (!isPostgreSql(c)) {
            return 0;
        }
        // Row-share and row-exclusive: the locks of FOR UPDATE and UPDATE; a long read of run_slice is left alone.
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(a.pid)) "
                + "FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() "
                + "AND a.xact_start < clock_timestamp() - make_interval(secs => ?) AND a.pid IN (SELECT l.pid "
                + "FROM pg_locks l WHERE l.relation = 'run_slice'::regclass AND l.granted "
                + "AND l.mode IN ('RowShareLock', 'RowExclusiveLock'))")) {
            s.setDouble(1, lease.toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean isPostgreSql(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    /**
     * Whether this claim still holds the slice of a running run; asked after a batch failed, to tell
     * a holder that was taken over (or whose run was stopped) from one whose own batch went wrong.
     */
    static boolean held(Connection c, RunExecutor.ClaimedSlice slice) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM run_slice s JOIN campaign_run r "
                + "ON r.id = s.run_id WHERE s.run_id = ? AND s.slice_no = ? AND s.generation = ? "
                + "AND s.status = 'RUNNING' AND r.status = 'RUNNING'")) {
            s.setLong(1, slice.run().id());
            s.setInt(2, slice.sliceNo());
            s.setLong(3, slice.generation());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    /** Lets go of a slice this claim still holds, so any worker (this instance's too) takes it up at once. */
    static void letGo(Connection c, RunExecutor.ClaimedSlice slice) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE run_slice SET status = 'PENDING', claimed_until = NULL "
                + "WHERE run_id = ? AND slice_no = ? AND generation = ? AND status = 'RUNNING'")) {
            s.setLong(1, slice.run().id());
            s.setInt(2, slice.sliceNo());
            s.setLong(3, slice.generation());
            s.executeUpdate();
        }
    }

    /** Moves the slice's checkpoint; called by the batch that holds the slice row since {@link #renew}. */
    static void checkpoint(Connection c, long runId, int sliceNo, long checkpoint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE run_slice SET checkpoint = ? WHERE run_id = ? AND slice_no = ?")) {
            s.setLong(1, checkpoint);
            s.setLong(2, runId);
            s.setInt(3, sliceNo);
            s.executeUpdate();
        }
    }

    /** Marks the slice done, and the run COMPLETED when it was the last one. */
    static void finish(Connection c, RunExecutor.ClaimedSlice slice, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE run_slice SET status = 'DONE', claimed_until = NULL WHERE run_id = ? AND slice_no = ?")) {
            s.setLong(1, slice.run().id());
            s.setInt(2, slice.sliceNo());
            s.executeUpdate();
        }
        // Locked before counting: of two slices finishing at once, the second to lock sees the first done.
        // A no-op UPDATE, not SELECT ... FOR UPDATE: on PostgreSQL it takes the non-key row lock, which
        // does not conflict with the key-share locks other slices' batches take on this row through
        // their decision and delivery inserts' foreign keys (FOR UPDATE does, and deadlocked them).
        try (PreparedStatement s = c.prepareStatement("UPDATE campaign_run SET status = status WHERE id = ?")) {
            s.setLong(1, slice.run().id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE campaign_run SET status = 'COMPLETED', finished_at = ?, "
                + "claimed_until = NULL WHERE id = ? AND status = 'RUNNING' "
                + "AND NOT EXISTS (SELECT 1 FROM run_slice WHERE run_id = ? AND status <> 'DONE')")) {
            s.setObject(1, now.atOffset(ZoneOffset.UTC));
            s.setLong(2, slice.run().id());
            s.setLong(3, slice.run().id());
            s.executeUpdate();
        }
    }

    /** Frees a stopped run's slices; their holders see it at their next batch and stop. */
    static void release(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE run_slice SET status = 'PENDING', claimed_until = NULL WHERE run_id = ? AND status = 'RUNNING'")) {
            s.setLong(1, runId);
            s.executeUpdate();
        }
    }
}
