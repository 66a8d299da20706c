package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Two Koyomi instances on one database: a send slower than its claim, and a run taken over while alive. */
class TwoInstancesTest extends FaultCase {

    @Test
    void shouldPushEachLineMessageOnceWhenSendsOutlastTheClaim() throws Exception {
        Map<String, String> settings = baseProperties();
        // A claim of 5 pushes lasts 3 s; the first 30 pushes take 1.5 s each, so a batch outlives its claim.
        settings.put("koyomi.outbox.lease", "PT3S");
        settings.put("koyomi.outbox.batch-size", "5");
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

    // Open defect (issue 10, item 2, not yet fixed): a paused instance keeps its batch transaction, and
    // with it the row lock on its slice, open; the other instance's SKIP LOCKED claim passes the slice
    // by until the paused one resumes, so the run does not move on without it. Fix under way: end such
    // transactions (idle_in_transaction_session_timeout) and let a holder whose connection died stop
    // quietly instead of failing the run. See docs/reliability.md.
    @Disabled("open defect: a paused instance's open batch transaction blocks the takeover of its slice")
    @Test
    void shouldCompleteARunASecondInstanceTakesOverWhileTheFirstStillWorks() throws Exception {
        KoyomiProcess a = koyomi("koyomi-a", baseProperties()).start();
        long run = approveAndRunNow(a, NEWSLETTER);
        a.await("run " + run + " RUNNING past its first batch", LONG,
                () -> "RUNNING".equals(runStatus(run)) && decided(run) > 0);
        // A stalls (kill -STOP) holding the run, most likely inside a batch transaction.
        a.pause();
        Object heldUntil = db.value("SELECT claimed_until FROM campaign_run WHERE id = ?", run);
        long decidedAtPause = decided(run);
        KoyomiProcess b = koyomi("koyomi-b", baseProperties()).start();
        b.await("instance B takes run " + run + " over once A's lease ran out", LONG,
                () -> !String.valueOf(heldUntil).equals(String.valueOf(db.value("SELECT claimed_until FROM campaign_run "
                        + "WHERE id = ?", run))) || !"RUNNING".equals(runStatus(run)));
        // A wakes up in the middle of its batch, on a run it no longer holds.
        a.resume();
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        report(1, once, "A paused (kill -STOP) after " + decidedAtPause + " decisions, B took the run over, A resumed; "
                + line.keysRequestedMoreThanOnce() + " LINE keys pushed twice; " + logLines() + " log lines scanned");
        assertExactlyOnce(once);
        assertEquals(0, SmtpSink.moreThanOnce(smtp.byMessageId()), "emails transmitted twice");
        assertEquals(0, line.keysRequestedMoreThanOnce(), "LINE retry keys pushed twice");
        assertLogsHoldNoSecrets();
    }
}
