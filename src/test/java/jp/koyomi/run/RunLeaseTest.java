package jp.koyomi.run;

import static jp.koyomi.run.RunFixtures.assertDecidedOnceAndCompleted;
import static jp.koyomi.run.RunFixtures.count;
import static jp.koyomi.run.RunFixtures.customers;
import static jp.koyomi.run.RunFixtures.emailTo;
import static jp.koyomi.run.RunFixtures.executor;
import static jp.koyomi.run.RunFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Db;
import jp.koyomi.support.ManualClock;
import jp.koyomi.support.Runs;

/** Issue 10 item 2: a run's holder is recorded, renews its lease, and is fenced out when it loses it. */
@QuarkusTest
class RunLeaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunConfig config;

    @Test
    void aHolderWhoseLeaseWasTakenOverStopsQuietlyAndTheRunCompletesOnce() throws SQLException {
        customers("RL-A-", 12);
        long run = Runs.pending(dataSource, "リース テスト A");
        ManualClock clock = new ManualClock(Instant.now());
        RunExecutor first = executor(dataSource, config, clock, "node-1");
        RunExecutor second = executor(dataSource, config, clock, "node-2");
        RunPipeline pipeline = emailTo("RL-A-");

        start(first, run);
        RunExecutor.ClaimedSlice held = first.claimSlice(Optional.of(run)).orElseThrow();
        held = first.step(held, pipeline);
        assertEquals("node-1", Db.value(dataSource, "SELECT owner FROM run_slice WHERE run_id = ?", run));
        assertTrue(second.claimSlice(Optional.of(run)).isEmpty(), "a live lease is not taken over");

        // The first instance stalls past its lease; the second takes over and gets a batch further.
        clock.advance(config.lease().plus(Duration.ofSeconds(1)));
        RunExecutor.ClaimedSlice taken = second.claimSlice(Optional.of(run)).orElseThrow();
        assertEquals(held.checkpoint(), taken.checkpoint(), "the new holder continues from the last stored batch");
        assertEquals(held.generation() + 1, taken.generation());
        taken = second.step(taken, pipeline);

        assertNull(first.step(held, pipeline), "the old holder stops at its next batch");
        assertEquals("RUNNING", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run),
                "losing the lease is not a failure");
        first.execute(held, pipeline);
        second.execute(taken, pipeline);
        assertDecidedOnceAndCompleted(dataSource, run, "RL-A-", 9);
    }

    @Test
    void aRestartedInstanceTakesBackItsOwnRunAtOnceWithoutWaitingForTheLease() throws SQLException {
        customers("RL-B-", 8);
        long run = Runs.pending(dataSource, "リース テスト B");
        ManualClock clock = new ManualClock(Instant.now());
        RunExecutor beforeRestart = executor(dataSource, config, clock, "node-r");
        RunPipeline pipeline = emailTo("RL-B-");
        start(beforeRestart, run);
        RunExecutor.ClaimedSlice held = beforeRestart.claimSlice(Optional.of(run)).orElseThrow();
        held = beforeRestart.step(held, pipeline);
        assertTrue(beforeRestart.claimSlice(Optional.of(run)).isEmpty(), "a slice a thread of ours runs is not claimed again");

        // kill -9 and start again: same instance id, nothing of the run in memory, the lease still live.
        RunExecutor afterRestart = executor(dataSource, config, clock, "node-r");
        assertTrue(executor(dataSource, config, clock, "node-other").claimSlice(Optional.of(run)).isEmpty(),
                "another instance waits for the lease");
        RunExecutor.ClaimedSlice resumed = afterRestart.claimSlice(Optional.of(run)).orElseThrow();
        assertEquals(held.checkpoint(), resumed.checkpoint());
        afterRestart.execute(resumed, pipeline);
        assertDecidedOnceAndCompleted(dataSource, run, "RL-B-", 6);
    }

    @Test
    void aRunLeftRunningByTheVersionWithoutSlicesContinuesFromItsCheckpoint() throws SQLException {
        customers("RL-C-", 6);
        long run = Runs.pending(dataSource, "リース テスト C");
        long checkpoint = count(dataSource, "SELECT id FROM customer WHERE external_id = 'RL-C-3'");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "UPDATE campaign_run SET status = 'RUNNING', checkpoint = ? WHERE id = ?")) {
            s.setLong(1, checkpoint);
            s.setLong(2, run);
            s.executeUpdate();
        }
        RunExecutor upgraded = executor(dataSource, config, new ManualClock(Instant.now()), "node-u");
        upgraded.execute(start(upgraded, run), emailTo("RL-C-"));
        assertEquals("COMPLETED", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run));
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM run_decision WHERE run_id = ? AND customer_id <= ?", run,
                checkpoint), "customers before the checkpoint were decided by the old version");
        assertEquals(count(dataSource, "SELECT COUNT(*) FROM customer WHERE id > ?", checkpoint),
                count(dataSource, "SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run));
        assertEquals(2, count(dataSource, "SELECT COUNT(*) FROM delivery WHERE run_id = ?", run),
                "RL-C-5 and RL-C-6; RL-C-4 has no email consent");
    }
}
