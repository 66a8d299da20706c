package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import jp.koyomi.support.Poll;

/** kill -9 at the points where a crash hurts most; after a restart the run completes, each message once. */
class KillAndRestartTest extends FaultCase {

    @Test
    void shouldCompleteTheRunOnceWhenKilledMidBatch() throws Exception {
        KoyomiProcess koyomi = koyomi("koyomi", baseProperties()).start();
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        // Mid-batch: some batches committed, the run still going.
        koyomi.await("run " + run + " RUNNING past its first batch", LONG,
                () -> "RUNNING".equals(runStatus(run)) && decided(run) > 0);
        koyomi.kill();
        long decidedAtKill = decided(run);
        assertEquals("RUNNING", runStatus(run), "the run was mid-way when killed");

        koyomi.start();
        Duration resumed = awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        report(1, once, "killed after " + decidedAtKill + " decisions" + "; completed " + resumed.toSeconds()
                + " s after restart; " + logLines() + " log lines scanned");
        assertExactlyOnce(once);
        assertLogsHoldNoSecrets();
    }

    @Test
    void shouldResumeItsOwnRunAtOnceWhenRestartedAfterAKill() throws Exception {
        Map<String, String> settings = baseProperties();
        settings.remove("koyomi.runs.lease"); // the default lease (5 min): nobody else could take the run sooner
        KoyomiProcess koyomi = koyomi("koyomi", settings).start();
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        koyomi.await("run " + run + " RUNNING past its first batch", LONG,
                () -> "RUNNING".equals(runStatus(run)) && decided(run) > 0);
        koyomi.kill();
        long decidedAtKill = decided(run);

        koyomi.start();
        Duration resumed = Poll.until("the restarted instance resumes its own run " + run + " within 60 s instead of "
                + "waiting for its lease to run out", Duration.ofSeconds(60),
                () -> decided(run) > decidedAtKill || "COMPLETED".equals(runStatus(run)));
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        Once once = exactlyOnce(run);
        report(1, once, "default run lease; resumed " + resumed.toSeconds() + " s after the restart was ready; "
                + logLines() + " log lines scanned");
        assertExactlyOnce(once);
        assertLogsHoldNoSecrets();
    }

    @Test
    void shouldSendEachMessageOnceWhenKilledMidSend() throws Exception {
        Map<String, String> settings = baseProperties();
        // One email worker per SMTP connection, each with at most one message between the server's 250 and its record.
        int emailWorkers = 4;
        settings.put("koyomi.channels.email.smtp-connections", Integer.toString(emailWorkers));
        KoyomiProcess koyomi = koyomi("koyomi", settings).start();
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
        Map<String, Long> states = finalStates(run);
        // A message handed to SMTP just before the kill may be handed over again after it, under its
        // own Message-ID (receivers drop the copy); never more than the workers had in flight.
        long retransmitted = once.emailTransmissions() - once.emailSent();
        report(1, once, "killed with " + sentAtKill + " sent; " + retransmitted + " re-transmitted under the same "
                + "Message-ID; " + logLines() + " log lines scanned");
        assertExactlyOnce(once);
        assertEquals(once.emailSent() + once.linesSent(), states.getOrDefault("SENT", 0L), "final states " + states);
        assertTrue(retransmitted <= emailWorkers, retransmitted + " emails transmitted again after the kill; at most the "
                + emailWorkers + " email workers' in-flight messages may be");
        assertLogsHoldNoSecrets();
    }

    @Test
    void shouldPrintEachPostalLetterOnceWhenKilledDuringExport() throws Exception {
        KoyomiProcess koyomi = koyomi("koyomi", baseProperties()).start();
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        awaitRunCompleted(run);
        long postal = deliveries(run, "POSTAL", "PENDING");
        assertTrue(postal > 10, "the run made POSTAL deliveries to export: " + postal);

        // The export request goes out; the process dies as soon as its file appears or it answers.
        Path files = workDir.resolve("outbox").resolve("postal");
        CompletableFuture<Integer> firstExport = CompletableFuture.supplyAsync(() -> {
            try {
                return koyomi.post("/api/v1/postal-exports/run/" + run, "application/json", "").status();
            } catch (Exception e) {
                return -1; // the connection died with the process
            }
        });
        koyomi.await("the export's file appears or the export answers", LONG,
                () -> firstExport.isDone() || hasFiles(files));
        koyomi.kill();
        int firstStatus = firstExport.join();

        koyomi.start();
        koyomi.expect(201, koyomi.post("/api/v1/postal-exports/run/" + run, "application/json", ""), "export after restart");

        // Every recorded export's file, as the printer would download it.
        Map<String, Integer> rows = new HashMap<>();
        long exported = 0;
        for (Map<String, Object> export : db.rows("SELECT id, row_count FROM postal_export WHERE run_id = ?", run)) {
            long id = ((Number) export.get("id")).longValue();
            String csv = new String(koyomi.download("/api/v1/postal-exports/" + id + "/file"), Charset.forName("windows-31j"));
            List<String> lines = csv.lines().skip(1).filter(l -> !l.isBlank()).toList();
            assertEquals(((Number) export.get("row_count")).intValue(), lines.size(), "export " + id + " file has the rows "
                    + "its record claims (no file overwritten by a later export)");
            lines.forEach(l -> rows.merge(l, 1, Integer::sum));
            exported += lines.size();
        }
        long twice = rows.values().stream().filter(n -> n > 1).count();
        long sent = deliveries(run, "POSTAL", "SENT");
        long heldBack = deliveries(run, "POSTAL", "FAILED");
        long onDisk;
        try (var list = Files.list(files)) {
            onDisk = list.count();
        }
        long recorded = db.count("SELECT COUNT(*) FROM postal_export WHERE run_id = ?", run);
        report(1, new Once(db.count("SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run),
                db.count("SELECT COUNT(*) FROM customer"), 0, 0, 0, postal - sent - heldBack, twice, 0),
                exported + " postal rows exported, " + heldBack + " held back; first export "
                        + (firstStatus < 0 ? "cut off by the kill" : "answered " + firstStatus + " before the kill") + "; "
                        + recorded + " recorded exports, " + onDisk + " files on disk; " + logLines() + " log lines scanned");
        assertEquals(0, deliveries(run, "POSTAL", "PENDING"), "every POSTAL delivery exported or held back");
        assertEquals(0, twice, "letters in two export files (printed twice)");
        assertEquals(sent, exported, "exported rows = POSTAL deliveries marked SENT (0 lost)");
        assertEquals(postal, sent + heldBack + deliveries(run, "POSTAL", "SKIPPED") + deliveries(run, "POSTAL", "EXPIRED"),
                "every POSTAL delivery accounted for");
        assertLogsHoldNoSecrets(false);
    }

    private static boolean hasFiles(Path dir) {
        try (var list = Files.list(dir)) {
            return list.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
