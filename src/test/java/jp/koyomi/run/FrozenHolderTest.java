package jp.koyomi.run;

import static jp.koyomi.run.RunFixtures.assertDecidedOnceAndCompleted;
import static jp.koyomi.run.RunFixtures.customers;
import static jp.koyomi.run.RunFixtures.emailTo;
import static jp.koyomi.run.RunFixtures.executor;
import static jp.koyomi.run.RunFixtures.stalling;
import static jp.koyomi.run.RunFixtures.start;
import static jp.koyomi.run.RunFixtures.withLease;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Db;
import jp.koyomi.support.ManualClock;
import jp.koyomi.support.Runs;

/**
 * A slice holder that stalls in the middle of a batch (a stop signal, a hung VM) is taken over, and
 * when it wakes it stops quietly instead of failing the run; one whose connection died lets its slice
 * go (issue 10 item 2, the defect the fault suite's paused instance found).
 */
@QuarkusTest
class FrozenHolderTest {

    /** Long enough for a batch on a busy machine; a stalled batch transaction ends after half of it. */
    private static final Duration LEASE = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunConfig config;

    /** Asks every quarter second until there is an answer, for at most two minutes. */
    private static <T> Optional<T> poll(Supplier<Optional<T>> ask) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Optional<T> answer = ask.get();
        while (answer.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
            answer = ask.get();
        }
        return answer;
    }

    @Test
    void aHolderStalledMidBatchIsTakenOverAndStopsQuietlyWhenItWakes() throws Exception {
        customers("FH-A-", 12);
        long run = Runs.pending(dataSource, "停止テスト A");
        ManualClock clock = new ManualClock(Instant.now());
        RunConfig leased = withLease(config, LEASE);
        RunExecutor first = executor(dataSource, leased, clock, "node-frozen");
        RunExecutor second = executor(dataSource, leased, clock, "node-alive");
        RunPipeline pipeline = emailTo("FH-A-");
        start(first, run);
        RunExecutor.ClaimedSlice held = first.step(first.claimSlice(Optional.of(run)).orElseThrow(), pipeline);

        // The first holder stalls inside its next batch, its transaction open and the slice row locked.
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        RunPipeline stalling = stalling(pipeline, inBatch, wake);
        RunExecutor.ClaimedSlice stalled = held;
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> first.execute(stalled, stalling));
        assertTrue(inBatch.await(2, TimeUnit.MINUTES), "the first holder started its batch");

        // Its lease runs out; once its stalled transaction has been ended, the second instance takes over.
        clock.advance(LEASE.plusSeconds(1));
        Optional<RunExecutor.ClaimedSlice> taken = poll(() -> second.claimSlice(Optional.of(run)));
        assertTrue(taken.isPresent(), "the second instance took the stalled slice over");
        assertEquals(held.checkpoint(), taken.get().checkpoint(), "from the last committed batch");
        second.execute(taken.get(), pipeline);
        assertEquals("COMPLETED", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run));

        // The first wakes in the middle of a batch of a slice it no longer holds.
        wake.countDown();
        firstDone.get(2, TimeUnit.MINUTES);
        assertDecidedOnceAndCompleted(dataSource, run, "FH-A-", 9);
    }

    @Test
    void aHolderStalledPastItsTransactionThatNobodyTookOverLetsGoOfItsSliceInsteadOfFailingTheRun()
            throws Exception {
        customers("FH-E-", 6);
        long run = Runs.pending(dataSource, "停止テスト E");
        RunConfig leased = withLease(config, LEASE);
        RunExecutor first = executor(dataSource, leased, new ManualClock(Instant.now()), "node-stalled");
        RunPipeline pipeline = emailTo("FH-E-");
        start(first, run);
        RunExecutor.ClaimedSlice held = first.step(first.claimSlice(Optional.of(run)).orElseThrow(), pipeline);
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        RunPipeline stalling = stalling(pipeline, inBatch, wake);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> first.execute(held, stalling));
        assertTrue(inBatch.await(2, TimeUnit.MINUTES), "the holder started its batch");
        // Its batch transaction is ended under it (its timeout): the slice row is free again.
        assertTrue(poll(() -> {
            try (Connection other = dataSource.getConnection(); PreparedStatement lock = other.prepareStatement(
                    "SELECT slice_no FROM run_slice WHERE run_id = ? FOR UPDATE SKIP LOCKED")) {
                lock.setLong(1, run);
                return lock.executeQuery().next() ? Optional.of(true) : Optional.<Boolean>empty();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).isPresent(), "the stalled batch transaction was ended");

        wake.countDown();
        firstDone.get(2, TimeUnit.MINUTES);
        assertEquals("RUNNING", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run),
                "a stalled holder is not the run's failure");
        assertEquals("PENDING", Db.value(dataSource, "SELECT status FROM run_slice WHERE run_id = ?", run));
        RunExecutor.ClaimedSlice resumed = first.claimSlice(Optional.of(run)).orElseThrow();
        assertEquals(held.checkpoint(), resumed.checkpoint());
        first.execute(resumed, pipeline);
        assertDecidedOnceAndCompleted(dataSource, run, "FH-E-", 5);
    }

    @Test
    void aHolderWhoseConnectionDiedLetsGoOfItsSliceInsteadOfFailingTheRun() throws Exception {
        customers("FH-B-", 8);
        long run = Runs.pending(dataSource, "停止テスト B");
        ManualClock clock = new ManualClock(Instant.now());
        RunExecutor first = executor(dataSource, config, clock, "node-cut");
        RunPipeline pipeline = emailTo("FH-B-");
        start(first, run);
        RunExecutor.ClaimedSlice held = first.step(first.claimSlice(Optional.of(run)).orElseThrow(), pipeline);

        // The server ends the session in the middle of the next batch (SQLSTATE 08006: connection failure).
        first.execute(held, member -> {
            throw new IllegalStateException(new SQLException("An I/O error occurred while sending to the backend.",
                    "08006"));
        });

        assertEquals("RUNNING", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run),
                "a lost connection is not the run's failure");
        assertEquals("PENDING", Db.value(dataSource, "SELECT status FROM run_slice WHERE run_id = ?", run));
        // Another instance takes the slice up at once, without waiting for the lease, from the checkpoint.
        RunExecutor other = executor(dataSource, config, clock, "node-other");
        RunExecutor.ClaimedSlice resumed = other.claimSlice(Optional.of(run)).orElseThrow();
        assertEquals(held.checkpoint(), resumed.checkpoint());
        other.execute(resumed, pipeline);
        assertDecidedOnceAndCompleted(dataSource, run, "FH-B-", 6);
    }

    @Test
    void aFailureOfTheBatchItselfStillFailsTheRun() throws Exception {
        customers("FH-C-", 4);
        long run = Runs.pending(dataSource, "停止テスト C");
        RunExecutor only = executor(dataSource, config, new ManualClock(Instant.now()), "node-c");
        only.execute(start(only, run), member -> {
            throw new IllegalStateException("rules cannot be evaluated");
        });
        assertEquals("FAILED", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run));
        assertEquals("rules cannot be evaluated", Db.value(dataSource, "SELECT error FROM campaign_run WHERE id = ?", run));
    }

    /** On PostgreSQL the server itself ends a batch transaction left idle, which a frozen process cannot do. */
    @Test
    void aBatchTransactionLeftIdleIsEndedByTheServerAndItsSliceRowFreed() throws Exception {
        try (Connection probe = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(probe.getMetaData().getDatabaseProductName()),
                    "PostgreSQL only: H2 has no idle-in-transaction limit (and runs one instance)");
        }
        customers("FH-D-", 3);
        long run = Runs.pending(dataSource, "停止テスト D");
        RunExecutor holder = executor(dataSource, config, new ManualClock(Instant.now()), "node-d");
        start(holder, run);
        RunExecutor.ClaimedSlice slice = holder.claimSlice(Optional.of(run)).orElseThrow();

        try (Connection frozen = dataSource.getConnection()) {
            frozen.setAutoCommit(false);
            assertTrue(RunSlices.renew(frozen, slice, Instant.now().plus(LEASE), Duration.ofSeconds(2)));
            // The holder now does nothing: no commit, no rollback, as if stopped with SIGSTOP.
            Optional<Integer> free = poll(() -> {
                try (Connection other = dataSource.getConnection(); PreparedStatement lock = other.prepareStatement(
                        "SELECT slice_no FROM run_slice WHERE run_id = ? FOR UPDATE SKIP LOCKED")) {
                    lock.setLong(1, run);
                    ResultSet rs = lock.executeQuery();
                    return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(free.isPresent(), "the server ended the idle transaction and its row lock with it");
            SQLException gone = null;
            try (PreparedStatement s = frozen.prepareStatement("SELECT 1")) {
                s.executeQuery();
            } catch (SQLException e) {
                gone = e;
            }
            assertTrue(gone != null && RunExecutor.connectionLost(gone), "the holder meets a lost connection: " + gone);
        }
        assertFalse("FAILED".equals(Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run)));
    }
    /**
     * A holder frozen where the idle limit does not reach (inside a claim, or in the middle of a
     * statement) keeps its slice rows locked; past a whole lease, another instance ends its session.
     */
    @Test
    void aClaimLeftOpenPastTheLeaseIsEndedByAnotherInstanceWhichTakesTheSliceOver() throws Exception {
        try (Connection probe = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(probe.getMetaData().getDatabaseProductName()),
                    "PostgreSQL only: H2 runs one instance");
        }
        customers("FH-F-", 3);
        long run = Runs.pending(dataSource, "停止テスト F");
        ManualClock clock = new ManualClock(Instant.now());
        RunExecutor patient = executor(dataSource, withLease(config, Duration.ofMinutes(10)), clock, "node-patient");
        RunExecutor strict = executor(dataSource, withLease(config, Duration.ofSeconds(2)), clock, "node-strict");
        start(patient, run);

        try (Connection frozen = dataSource.getConnection()) {
            frozen.setAutoCommit(false);
            try (PreparedStatement lock = frozen.prepareStatement(
                    "SELECT slice_no FROM run_slice WHERE run_id = ? FOR UPDATE")) {
                lock.setLong(1, run);
                assertTrue(lock.executeQuery().next(), "the frozen claimer holds the run's slice");
            }
            patient.endOverdueHolders();
            assertTrue(patient.claimSlice(Optional.of(run)).isEmpty(), "a claim younger than the lease is left alone");

            Optional<RunExecutor.ClaimedSlice> taken = poll(() -> {
                strict.endOverdueHolders();
                return strict.claimSlice(Optional.of(run));
            });
            assertTrue(taken.isPresent(), "the claim older than the lease was ended and its slice taken over");
            SQLException gone = null;
            try (PreparedStatement s = frozen.prepareStatement("SELECT 1")) {
                s.executeQuery();
            } catch (SQLException e) {
                gone = e;
            }
            assertTrue(gone != null && RunExecutor.connectionLost(gone), "the frozen claimer meets a lost connection: "
                    + gone);
            strict.execute(taken.get(), emailTo("FH-F-"));
        }
        assertDecidedOnceAndCompleted(dataSource, run, "FH-F-", 3);
    }
}
