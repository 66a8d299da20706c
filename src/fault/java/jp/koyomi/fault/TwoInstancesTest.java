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
        line.script((n, attempt) -> n <= 30 ? LineStub.Answer.acceptSlowly(1_500) : LineStub.Answer.accept());
        KoyomiProcess a = koyomi("koyomi-a", settings).start();
        KoyomiProcess b = koyomi("koyomi-b", settings).start();
        long run = approveAndRunNow(a, NEWSLETTER);
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        assertExactlyOnce(once);
        assertEquals(0, line.keysRequestedMoreThanOnce(), "retry keys pushed again by a worker that had lost its "
                + "claim (a worker that lost its claim must stop without sending)");
        assertEquals(0, SmtpSink.moreThanOnce(smtp.byMessageId()), "emails transmitted twice");
        long lines = assertLogsHoldNoSecrets();
        report(1, once, "2 instances x 2 workers per channel, lease 3 s, 30 pushes of 1.5 s; " + line.requests()
                + " LINE requests for " + line.keys().size() + " keys; " + lines + " log lines clean");
    }

    @Test
    void shouldCompleteARunASecondInstanceTakesOverWhileTheFirstStillWorks() throws Exception {
        Map<String, String> settings = baseProperties();
        // The run lease (1 s) is shorter than one batch of 500 customers: the other instance takes the
        // run over while its holder is still deciding.
        settings.put("koyomi.runs.lease", "PT1S");
        settings.put("koyomi.runs.batch-size", "500");
        KoyomiProcess a = koyomi("koyomi-a", settings).start();
        KoyomiProcess b = koyomi("koyomi-b", settings).start();
        long run = approveAndRunNow(a, NEWSLETTER);
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        assertExactlyOnce(once);
        assertEquals(0, SmtpSink.moreThanOnce(smtp.byMessageId()), "emails transmitted twice");
        long lines = assertLogsHoldNoSecrets();
        report(1, once, "2 instances, run lease 1 s, batches of 500; both alive throughout: " + (a.alive() && b.alive())
                + "; " + lines + " log lines clean");
    }
}
