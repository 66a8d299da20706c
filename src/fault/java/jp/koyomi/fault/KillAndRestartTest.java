package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** kill -9 at the points where a crash hurts most; after a restart the run completes, each message once. */
class KillAndRestartTest extends FaultCase {

    @Test
    void shouldCompleteTheRunOnceWhenKilledMidBatch() throws Exception {
        KoyomiProcess koyomi = koyomi("koyomi", baseProperties()).start();
        addMarkerCustomer(koyomi);
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        // Mid-batch: some batches committed, the run still going.
        koyomi.await("run " + run + " RUNNING past its first batch", LONG,
                () -> "RUNNING".equals(runStatus(run)) && checkpoint(run) > 0);
        koyomi.kill();
        long checkpointAtKill = checkpoint(run);
        assertEquals("RUNNING", runStatus(run), "the run was mid-way when killed");

        koyomi.start();
        Duration resumed = awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        assertExactlyOnce(once);
        long lines = assertLogsHoldNoSecrets();
        report(1, once, "killed at checkpoint " + checkpointAtKill + "; completed " + resumed.toSeconds()
                + " s after restart; " + lines + " log lines clean");
    }

    @Test
    void shouldSendEachMessageOnceWhenKilledMidSend() throws Exception {
        KoyomiProcess koyomi = koyomi("koyomi", baseProperties()).start();
        addMarkerCustomer(koyomi);
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        // Mid-send: some emails out, others still waiting.
        koyomi.await("run " + run + " has SENT and PENDING emails at once", LONG,
                () -> deliveries(run, "EMAIL", "SENT") > 10 && deliveries(run, "EMAIL", "PENDING") > 10);
        koyomi.kill();
        long sentAtKill = deliveries(run, "EMAIL", "SENT") + deliveries(run, "LINE", "SENT");

        koyomi.start();
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        assertExactlyOnce(once);
        Map<String, Long> states = finalStates(run);
        assertEquals(once.emailSent() + once.linesSent(), states.getOrDefault("SENT", 0L), "final states " + states);
        // A message handed to SMTP just before the kill may be handed over again after it, under its
        // own Message-ID (receivers drop the copy); never more than the workers had in flight.
        long retransmitted = once.emailTransmissions() - once.emailSent();
        assertTrue(retransmitted <= 2, retransmitted + " emails transmitted again after the kill; at most the 2 email "
                + "workers' in-flight messages may be");
        long lines = assertLogsHoldNoSecrets();
        report(1, once, "killed with " + sentAtKill + " sent; " + retransmitted + " re-transmitted under the same "
                + "Message-ID; " + lines + " log lines clean");
    }
}
