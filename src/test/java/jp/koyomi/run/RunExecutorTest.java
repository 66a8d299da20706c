package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.template.RenderedMessage;

@QuarkusTest
class RunExecutorTest {

    @Inject
    RunExecutor executor;

    @Inject
    AgroalDataSource dataSource;

    /** Emails customers of this test who consented to email; everyone else is not in its audience. */
    private static RunPipeline emailTo(String prefix) {
        return member -> member.externalId().startsWith(prefix) && member.consents().contains(Channel.EMAIL)
                ? RunOutcome.deliver(member.id(), Channel.EMAIL, new RenderedMessage.Email("件名", "<p>本文</p>", "本文"),
                        List.of(), List.of("test"))
                : RunOutcome.skip(member.id(), "NOT_IN_AUDIENCE", List.of("not this test's customer"));
    }

    private void customers(String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String row = Csv.customer(prefix + i, "150-0001");
            rows.add(i % 4 == 0 ? row.replace(",true,false,false,", ",false,true,false,") : row);
        }
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, rows.toArray(String[]::new)))
                .post("/api/v1/imports/customers").then().statusCode(200);
    }

    private long pendingRun(String name) throws SQLException {
        int campaign = as("marketer").contentType("application/json").body("{\"name\":\"" + name + "\",\"definition\":"
                + "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":1},\"holdout_percent\":0}}").post("/api/v1/campaigns").then().statusCode(201)
                .extract().path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, revision, created_at) "
                        + "VALUES (?, ?, 'MANUAL', 'PENDING', 1, ?)", new String[] { "id" })) {
            s.setLong(1, campaign);
            s.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
            s.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private RunExecutor.ClaimedRun claim(long runId) {
        for (int i = 0; i < 20; i++) {
            var claimed = executor.claimNext().orElseThrow();
            if (claimed.id() == runId) {
                return claimed;
            }
            executor.execute(claimed, member -> RunOutcome.skip(member.id(), "NOT_IN_AUDIENCE", List.of()));
        }
        throw new AssertionError("run " + runId + " was never claimed");
    }

    private int count(String sql, long runId) throws SQLException {
        return Integer.parseInt(Db.value(dataSource, sql, runId));
    }

    private String status(long runId) throws SQLException {
        return Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", runId);
    }

    @Test
    void shouldWriteOneDeliveryPerEligibleCustomerAndADecisionForEveryone() throws SQLException {
        customers("RX-A-", 12);
        long run = pendingRun("実行テスト A");
        executor.execute(claim(run), emailTo("RX-A-"));
        assertEquals("COMPLETED", status(run));
        assertEquals(9, count("SELECT COUNT(*) FROM delivery WHERE run_id = ?", run), "12 customers, every 4th without email consent");
        assertEquals(count("SELECT COUNT(*) FROM customer WHERE id > 0 AND ? > 0", run),
                count("SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run), "a decision for every customer");
        as("viewer").get("/api/v1/runs/" + run).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("by_outcome.SENT_TO_OUTBOX", equalTo(9)).body("by_channel.EMAIL", equalTo(9))
                .body("by_delivery_status.PENDING", equalTo(9))
                .body("by_skip_reason.NOT_IN_AUDIENCE", greaterThanOrEqualTo(3));
        as("viewer").get("/api/v1/runs/999999").then().statusCode(404);
    }

    @Test
    void aRunKilledHalfWayResumesFromItsCheckpointWithoutDuplicatingOrLosingAnyone() throws SQLException {
        customers("RX-B-", 23);
        long run = pendingRun("実行テスト B");
        AtomicInteger seen = new AtomicInteger();
        RunPipeline healthy = emailTo("RX-B-");
        RunPipeline dying = member -> {
            if (member.externalId().startsWith("RX-B-") && seen.incrementAndGet() == 11) {
                throw new IllegalStateException("injected crash after ten of this test's customers");
            }
            return healthy.decide(member);
        };
        executor.execute(claim(run), dying);
        assertEquals("FAILED", status(run));
        int before = count("SELECT COUNT(*) FROM delivery WHERE run_id = ?", run);
        assertTrue(before > 0 && before < 18, "the crash stopped the run part way: " + before);

        as("viewer").get("/api/v1/runs/" + run).then().body("status", equalTo("FAILED"))
                .body("error", org.hamcrest.Matchers.containsString("injected crash"));
        as("marketer").post("/api/v1/runs/" + run + "/resume").then().statusCode(200).body("status", equalTo("PENDING"));
        executor.execute(claim(run), healthy);
        assertEquals("COMPLETED", status(run));
        assertEquals(18, count("SELECT COUNT(*) FROM delivery WHERE run_id = ?", run), "23 customers, 5 without consent");
        assertEquals(18, count("SELECT COUNT(DISTINCT customer_id) FROM delivery WHERE run_id = ?", run));
    }

    @Test
    void runNowIsRefusedForAnUnapprovedCampaignAndCancelStopsAPendingRun() throws SQLException {
        long run = pendingRun("実行テスト D");
        int campaign = as("viewer").get("/api/v1/runs/" + run).then().extract().path("campaign_id");
        as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("not approved"));
        as("marketer").post("/api/v1/runs/" + run + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("marketer").post("/api/v1/runs/" + run + "/resume").then().statusCode(409);
    }

    @Test
    void theOutboxKeyRefusesASecondDeliveryOfOneRunToOneCustomerOnOneChannel() throws SQLException {
        customers("RX-C-", 1);
        long run = pendingRun("実行テスト C");
        executor.execute(claim(run), emailTo("RX-C-"));
        assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO delivery (run_id, customer_id, channel, status, content, retry_key, next_attempt_at, "
                            + "created_at) SELECT run_id, customer_id, channel, 'PENDING', content, 'x', next_attempt_at, "
                            + "created_at FROM delivery WHERE run_id = ?")) {
                s.setLong(1, run);
                s.executeUpdate();
            }
        });
    }
}
