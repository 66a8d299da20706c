package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import com.fasterxml.jackson.databind.JsonNode;
import jp.koyomi.support.Poll;

/**
 * One fault case: a fresh PostgreSQL database, an SMTP sink, a LINE stub and Koyomi processes
 * configured against them with the demo brand. Helpers drive the API, wait on the database, check
 * "exactly once" and scan the processes' logs for secrets; each case ends with one figures line in
 * {@code target/fault-report.md}, which docs/reliability.md quotes.
 */
abstract class FaultCase {

    static final String LINK_SECRET = "fault-link-secret-that-is-at-least-32-bytes-7d41";
    /** A customer whose name makes their rendered subject and body recognisable in a log. */
    static final String MARKER = "FaultMarker" + java.util.UUID.randomUUID().toString().substring(0, 8);
    static final String MARKER_EMAIL = MARKER.toLowerCase() + "@example.jp";
    static final String NEWSLETTER = "週刊ニュースレター";
    static final int CUSTOMERS = Integer.getInteger("koyomi.fault.customers", 1500);
    static final Duration LONG = Duration.ofSeconds(Long.getLong("koyomi.fault.deadline-seconds", 300));

    final FaultDb db = new FaultDb();
    SmtpSink smtp;
    LineStub line;
    Path workDir;
    final List<KoyomiProcess> processes = new ArrayList<>();
    static final Path REPORT = Path.of("target", "fault-report.md");
    private static boolean templateReady;
    private String caseName;
    private Instant started;

    @BeforeEach
    void freshWorld(TestInfo test) throws Exception {
        caseName = test.getTestMethod().orElseThrow().getName();
        started = Instant.now();
        smtp = new SmtpSink();
        line = new LineStub();
        if (!templateReady) {
            prepareTemplate();
        }
        db.recreateFromTemplate();
        workDir = emptyDirectory(caseName);
    }

    /**
     * Once per suite: Koyomi loads the demo brand (and the marker customer) into an empty database,
     * stops, and that database becomes the template every case copies, so cases don't each pay for
     * the demo load.
     */
    private void prepareTemplate() throws Exception {
        Files.deleteIfExists(REPORT);
        db.recreate();
        workDir = emptyDirectory("template");
        try (KoyomiProcess k = new KoyomiProcess("koyomi", workDir, environment(), baseProperties()).start()) {
            addMarkerCustomer(k);
        }
        db.keepAsTemplate();
        templateReady = true;
    }

    private static Path emptyDirectory(String name) throws IOException {
        Path dir = Path.of("target", "fault", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (KoyomiProcess p : processes) {
            p.close();
        }
        if (line != null) {
            line.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    /** Settings every case starts from; a case adds what makes its fault point reachable. */
    Map<String, String> baseProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        // Quiet hours would hold every send made after 21:00 Tokyo time until morning.
        p.put("koyomi.runs.quiet-hours.disabled", "true");
        p.put("koyomi.runs.batch-size", "10");
        p.put("koyomi.outbox.batch-size", "20");
        // A killed instance's claims and run lease come back within seconds, not minutes.
        p.put("koyomi.runs.lease", "PT20S");
        p.put("koyomi.outbox.lease", "PT20S");
        p.put("koyomi.outbox.first-retry-delay", "PT1S");
        p.put("koyomi.outbox.max-retry-delay", "PT5S");
        // Koyomi's own DEBUG lines too: the log scan holds for every level an operator may switch on.
        p.put("quarkus.log.category.\"jp.koyomi\".level", "DEBUG");
        return p;
    }

    KoyomiProcess koyomi(String name, Map<String, String> properties) throws IOException {
        KoyomiProcess p = new KoyomiProcess(name, workDir, environment(), properties);
        processes.add(p);
        return p;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "postgresql");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password);
        env.put("KOYOMI_BOOTSTRAP_ADMIN_PASSWORD", KoyomiProcess.ADMIN_PASSWORD);
        env.put("KOYOMI_DEMO_ENABLED", "true");
        env.put("KOYOMI_DEMO_CUSTOMERS", Integer.toString(CUSTOMERS));
        env.put("KOYOMI_CHANNELS_OUTBOX_DIRECTORY", workDir.resolve("outbox").toString());
        env.put("KOYOMI_CHANNELS_LINK_SECRET", LINK_SECRET);
        env.put("KOYOMI_CHANNELS_EMAIL_SMTP_HOST", "127.0.0.1");
        env.put("KOYOMI_CHANNELS_EMAIL_SMTP_PORT", Integer.toString(smtp.port()));
        env.put("KOYOMI_CHANNELS_EMAIL_SMTP_SECURITY", "NONE");
        env.put("KOYOMI_CHANNELS_EMAIL_SMTP_USERNAME", SmtpSink.USER);
        env.put("KOYOMI_CHANNELS_EMAIL_SMTP_PASSWORD", SmtpSink.PASSWORD);
        env.put("KOYOMI_CHANNELS_LINE_CHANNEL_ACCESS_TOKEN", LineStub.TOKEN);
        env.put("KOYOMI_CHANNELS_LINE_CHANNEL_SECRET", LineStub.SECRET);
        env.put("KOYOMI_CHANNELS_LINE_API_BASE_URL", line.baseUrl());
        // Poll intervals of the run and outbox workers: read by @Scheduled only, not by a config mapping,
        // so they travel as environment variables (a system property would fail the mapping's validation).
        env.put("KOYOMI_RUNS_POLL", "1s");
        env.put("KOYOMI_OUTBOX_POLL", "1s");
        return env;
    }

    // ---- the API ----

    /**
     * Renames a demo customer who gets the newsletter by email to the marker (an import upserts by
     * external id; their orders, and so the newsletter's items, stay).
     */
    private static void addMarkerCustomer(KoyomiProcess k) throws Exception {
        String csv = "external_id,family_name,given_name,email,email_consent,preferred_channel,postal_code,prefecture\n"
                + "DEMO-000002," + MARKER + ",花子," + MARKER_EMAIL + ",true,EMAIL,060-0001,01\n";
        k.expect(200, k.post("/api/v1/imports/customers", "text/csv", csv), "import of the marker customer");
    }

    /** Approves the campaign's current revision and starts a run now; returns the run id. */
    long approveAndRunNow(KoyomiProcess k, String campaign) throws Exception {
        JsonNode found = null;
        for (JsonNode c : k.expect(200, k.get("/api/v1/campaigns"), "campaign list").json()) {
            if (c.path("name").asText().equals(campaign)) {
                found = c;
            }
        }
        assertTrue(found != null, "the demo brand has campaign " + campaign);
        long id = found.path("id").asLong();
        int revision = k.expect(200, k.get("/api/v1/campaigns/" + id), "campaign").json().path("revision").asInt();
        k.expect(200, k.post("/api/v1/campaigns/" + id + "/approval", "application/json", "{\"revision\":" + revision + "}"),
                "approval");
        return k.expect(201, k.post("/api/v1/runs/campaign/" + id, "application/json", ""), "run now").json().path("id")
                .asLong();
    }

    // ---- the database, readable while every process is down ----

    String runStatus(long run) {
        return (String) db.value("SELECT status FROM campaign_run WHERE id = ?", run);
    }

    /** Customers the run has decided so far: batches commit their decisions, so this is its progress. */
    long decided(long run) {
        return db.count("SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run);
    }

    long deliveries(long run, String channel, String status) {
        return db.count("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND channel = ? AND status = ?", run, channel, status);
    }

    long pendingSends(long run) {
        return db.count("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND channel IN ('EMAIL', 'LINE') "
                + "AND status = 'PENDING'", run);
    }

    Duration awaitRunCompleted(long run) {
        return Poll.until("run " + run + " COMPLETED (status now " + runStatus(run) + ")", LONG, () -> {
            String status = runStatus(run);
            if ("FAILED".equals(status)) {
                throw new AssertionError("run " + run + " FAILED: " + db.value("SELECT error FROM campaign_run WHERE id = ?", run));
            }
            return "COMPLETED".equals(status);
        });
    }

    /** Every EMAIL and LINE delivery of the run has left PENDING (SENT, FAILED, SKIPPED, or a later state). */
    void awaitSendsSettled(long run) {
        Poll.until("every EMAIL/LINE delivery of run " + run + " settled (" + pendingSends(run) + " PENDING)", LONG,
                () -> pendingSends(run) == 0);
    }

    // ---- the checks ----

    /** What "exactly once" found; a case asserts on it and prints it. */
    record Once(long decided, long customers, long emailSent, long linesSent, long emailTransmissions, long lost,
            long twice, long unknown) {
    }

    /**
     * Exactly once, both ways: every SENT email delivery's Message-ID arrived and every arrival is a
     * SENT delivery's; no recipient got two different messages; every SENT LINE delivery's retry key
     * was accepted by the stub and no LINE user got two. {@code lost} counts SENT deliveries that
     * never arrived, {@code twice} recipients with a second message, {@code unknown} arrivals that
     * match no SENT delivery (sent although recorded as skipped, failed or pending).
     */
    Once exactlyOnce(long run) {
        Set<String> sentIds = db.rows("SELECT provider_id FROM delivery WHERE run_id = ? AND channel = 'EMAIL' "
                + "AND status = 'SENT'", run).stream().map(r -> String.valueOf(r.get("provider_id"))).collect(Collectors.toSet());
        Set<String> sentKeys = db.rows("SELECT retry_key FROM delivery WHERE run_id = ? AND channel = 'LINE' "
                + "AND status = 'SENT'", run).stream().map(r -> String.valueOf(r.get("retry_key"))).collect(Collectors.toSet());
        Map<String, Long> arrived = smtp.byMessageId();
        Set<String> delivered = line.keys().entrySet().stream().filter(e -> e.getValue().deliveredBy > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        long lost = sentIds.stream().filter(id -> !arrived.containsKey(id)).count()
                + sentKeys.stream().filter(k -> !delivered.contains(k)).count();
        long unknown = arrived.keySet().stream().filter(id -> !sentIds.contains(id)).count()
                + delivered.stream().filter(k -> !sentKeys.contains(k)).count();
        long twice = SmtpSink.moreThanOnce(smtp.distinctMessagesByRecipient()) + line.usersDeliveredMoreThanOnce();
        long decided = db.count("SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run);
        long customers = db.count("SELECT COUNT(*) FROM customer");
        return new Once(decided, customers, sentIds.size(), sentKeys.size(), smtp.received().size(), lost, twice, unknown);
    }

    void assertExactlyOnce(Once once) {
        assertEquals(once.customers(), once.decided(), "every customer decided once (0 lost decisions)");
        assertTrue(once.emailSent() > 0 && once.linesSent() > 0, "the run sent email and LINE: " + once);
        assertEquals(0, once.lost(), "SENT deliveries the SMTP sink or LINE stub never got (lost): " + once);
        assertEquals(0, once.twice(), "recipients who got the message twice: " + once);
        assertEquals(0, once.unknown(), "messages that arrived for no SENT delivery: " + once);
    }

    /** Every delivery of the run ended SENT or FAILED (or SKIPPED by consent), none still PENDING. */
    Map<String, Long> finalStates(long run) {
        Map<String, Long> states = new LinkedHashMap<>();
        db.rows("SELECT status, COUNT(*) AS n FROM delivery WHERE run_id = ? AND channel IN ('EMAIL', 'LINE') "
                + "GROUP BY status ORDER BY status", run).forEach(r -> states.put((String) r.get("status"),
                        ((Number) r.get("n")).longValue()));
        return states;
    }

    /**
     * Scans everything the processes wrote for the SMTP password, the LINE token and channel secret,
     * the link secret, the signatures of unsubscribe links that went out, and the marker customer's
     * name (it is in their rendered subject and body). Returns how many lines were scanned.
     */
    long assertLogsHoldNoSecrets() throws IOException {
        return assertLogsHoldNoSecrets(true);
    }

    /** Lines all processes of the case wrote so far. */
    long logLines() throws IOException {
        long lines = 0;
        for (KoyomiProcess p : processes) {
            lines += p.log().lines().count();
        }
        return lines;
    }

    /** @param markerSent whether the case sent the marker customer's email (a postal-only case does not) */
    long assertLogsHoldNoSecrets(boolean markerSent) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(SmtpSink.PASSWORD, "the SMTP password");
        secrets.put(LineStub.TOKEN, "the LINE channel access token");
        secrets.put(LineStub.SECRET, "the LINE channel secret");
        secrets.put(LINK_SECRET, "the link secret");
        secrets.put(MARKER, "a customer's name, i.e. a rendered subject or body");
        assertTrue(!markerSent || smtp.received().stream().anyMatch(m -> m.recipient().equals(MARKER_EMAIL) && m.subject().contains(MARKER)),
                "the marker customer's email (their name in its subject) went out, so the scan below means something");
        Set<String> signatures = new HashSet<>();
        for (SmtpSink.Mail m : smtp.received()) {
            if (m.unsubscribeToken() != null && m.unsubscribeToken().contains(".")) {
                signatures.add(m.unsubscribeToken().substring(m.unsubscribeToken().lastIndexOf('.') + 1));
            }
        }
        long lines = 0;
        List<String> found = new ArrayList<>();
        for (KoyomiProcess p : processes) {
            String log = p.log();
            lines += log.lines().count();
            secrets.forEach((secret, what) -> {
                if (log.contains(secret)) {
                    found.add(what + " in " + p.logFile().getFileName());
                }
            });
            long leaked = signatures.stream().filter(log::contains).count();
            if (leaked > 0) {
                found.add(leaked + " unsubscribe link signatures in " + p.logFile().getFileName());
            }
        }
        assertTrue(found.isEmpty(), "secrets in the log: " + found);
        return lines;
    }

    /** One line per case for docs/reliability.md: printed, and appended to target/fault-report.md. */
    void report(long runs, Once once, String extra) throws IOException {
        int kills = processes.stream().mapToInt(KoyomiProcess::kills).sum();
        int starts = processes.stream().mapToInt(KoyomiProcess::starts).sum();
        String line = String.format("| %s | %d | %d | %d | %d | %d email + %d LINE | %d | %d | %d | %d | %s |", caseName, runs,
                starts, kills, once.decided(), once.emailSent(), once.linesSent(), once.emailTransmissions(), once.twice(),
                once.lost(), Duration.between(started, Instant.now()).toSeconds(), extra);
        System.out.println("FAULT " + line);
        if (!Files.exists(REPORT)) {
            Files.writeString(REPORT, "Fault suite, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + CUSTOMERS + " demo customers\n\n| case | runs | starts | kill -9 | decisions | sent | SMTP "
                    + "transmissions | twice | lost | seconds | notes |\n|---|---|---|---|---|---|---|---|---|---|---|\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(REPORT, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
