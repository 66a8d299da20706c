package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Two Koyomi instances on one database: a send slower than its claim, and a run taken over while alive. */
class TwoInstancesTest extends FaultCase {

    @Test
    void shouldPushEachLineMessageOnceWhenSendsOutlastTheClaim() throws Exception {
        Map<String, String> settings = baseProperties();
        // A claim of 5 pushes lasts 3 s; the first 30 pushes take 1.5 s each, so a batch outlives its claim.
        settings.put("koyomi.outbox.lease", "PT3S");
        settings.put("koyomi.outbox.batch-size", "5");
        // Two workers per channel, as the case says: by default LINE gets 32 per instance, and 64 slow
        // pushes queue at the stub past the 3 s hold, which is the stub's capacity, not the fencing.
        settings.put("koyomi.outbox.workers", "2");
        line.script((n, attempt) -> n <= 30 ? LineStub.Answer.acceptSlowly(1_500) : LineStub.Answer.accept());
        KoyomiProcess a = koyomi("koyomi-a", settings).start();
        KoyomiProcess b = koyomi("koyomi-b", settings).start();
        long run = approveAndRunNow(a, NEWSLETTER);
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        report(1, once, "2 instances x 2 workers per channel, lease 3 s, 30 pushes of 1.5 s; " + line.requests()
                + " LINE requests for " + line.keys().size() + " keys, " + line.keysRequestedMoreThanOnce()
                + " keys pushed twice; " + logLines() + " log lines scanned");
        assertExactlyOnce(once);
        assertEquals(0, line.keysRequestedMoreThanOnce(), "retry keys pushed again by a worker that had lost its "
                + "claim (a worker that lost its claim must stop without sending)");
        assertEquals(0, SmtpSink.moreThanOnce(smtp.byMessageId()), "emails transmitted twice");
        assertLogsHoldNoSecrets();
    }

    // Before the fix (issue 10, item 2) a paused instance kept its batch transaction, and with it the row
    // lock on its slice, open; the other instance's SKIP LOCKED claim passed the slice by until the paused
    // one resumed. Now the server ends a batch transaction left idle for half the lease; a transaction
    // frozen elsewhere (in a claim, which locks several slices, or mid-statement) is ended by the other
    // instance once it has held slice rows for a whole lease; and the holder that wakes on a slice it
    // lost stops quietly instead of failing the run.
    @Test
    void shouldCompleteARunASecondInstanceTakesOverWhileTheFirstStillWorks() throws Exception {
        Map<String, String> settingsA = baseProperties();
        // Two instances on one host: each needs its own name as a slice owner (else B would take A's
        // slices at once as if they were its own from before a restart).
        settingsA.put("koyomi.runs.instance-id", "koyomi-a");
        Map<String, String> settingsB = baseProperties();
        settingsB.put("koyomi.runs.instance-id", "koyomi-b");
        KoyomiProcess a = koyomi("koyomi-a", settingsA).start();
        long run = approveAndRunNow(a, NEWSLETTER);
        a.await("run " + run + " RUNNING past its first batch", LONG,
                () -> "RUNNING".equals(runStatus(run)) && decided(run) > 0);
        // A stalls (kill -STOP) holding the run's slice, most likely inside a batch transaction.
        a.pause();
        java.time.Instant pausedAt = java.time.Instant.now();
        long decidedAtPause = decided(run);
        // SKIP LOCKED from here, in autocommit: no row means A's open batch transaction holds the slice row.
        boolean pausedInBatch = db.rows("SELECT slice_no FROM run_slice WHERE run_id = ? AND owner = 'koyomi-a' "
                + "AND status = 'RUNNING' FOR UPDATE SKIP LOCKED", run).isEmpty();
        KoyomiProcess b = koyomi("koyomi-b", settingsB).start();
        b.await("instance B takes a slice of run " + run + " over from the paused A", LONG,
                () -> db.count("SELECT COUNT(*) FROM run_slice WHERE run_id = ? AND owner = 'koyomi-b'", run) > 0
                        || !"RUNNING".equals(runStatus(run)));
        long tookOverAfter = java.time.Duration.between(pausedAt, java.time.Instant.now()).toSeconds();
        long decidedAtTakeover = decided(run);
        // A wakes up in the middle of its batch, on a run it no longer holds, while B still works on it.
        a.resume();
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        report(1, once, "A paused (kill -STOP) after " + decidedAtPause + " decisions" + (pausedInBatch
                ? " inside a batch transaction (slice row locked)" : " between batches") + ", B took the slice over "
                + tookOverAfter + " s after the pause (B's start included) with " + decidedAtTakeover
                + " decided, A resumed; " + line.keysRequestedMoreThanOnce() + " LINE keys pushed twice; " + logLines()
                + " log lines scanned");
        assertExactlyOnce(once);
        assertEquals(0, SmtpSink.moreThanOnce(smtp.byMessageId()), "emails transmitted twice");
        assertEquals(0, line.keysRequestedMoreThanOnce(), "LINE retry keys pushed twice");
        assertLogsHoldNoSecrets();
    }
}
