package jp.koyomi.run;

import static jp.koyomi.run.RunFixtures.customers;
import static jp.koyomi.run.RunFixtures.emailTo;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

@QuarkusTest
class RunExecutorTest {

    @Inject
    RunExecutor executor;

    @Inject
    AgroalDataSource dataSource;

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
        long run = Runs.pending(dataSource, "実行テスト A");
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
        long run = Runs.pending(dataSource, "実行テスト B");
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
        long run = Runs.pending(dataSource, "実行テスト D");
        int campaign = as("viewer").get("/api/v1/runs/" + run).then().extract().path("campaign_id");
        as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("not approved"));
        as("marketer").post("/api/v1/runs/" + run + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("marketer").post("/api/v1/runs/" + run + "/resume").then().statusCode(409);
    }

    @Test
    void theOutboxKeyRefusesASecondDeliveryOfOneRunToOneCustomerOnOneChannel() throws SQLException {
        customers("RX-C-", 1);
        long run = Runs.pending(dataSource, "実行テスト C");
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
