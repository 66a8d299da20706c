package jp.koyomi.delivery;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

@QuarkusTest
class FailedDeliveriesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxDrainer drainer;

    @Inject
    Messengers messengers;

    /** A delivery of the run that failed three times with a permanent error; returns its id. */
    private long failed(long runId, String customer) throws SQLException {
        long id = Runs.delivery(dataSource, runId, Db.customer(dataSource, customer), Channel.EMAIL);
        Runs.update(dataSource, "UPDATE delivery SET status = 'FAILED', attempts = 3, last_error = '550 5.1.1 no such "
                + "mailbox', next_attempt_at = ? WHERE id = ?", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), id);
        return id;
    }

    private String column(String column, long delivery) throws SQLException {
        return Db.value(dataSource, "SELECT " + column + " FROM delivery WHERE id = ?", delivery);
    }

    @Test
    void shouldPutOnlyTheRunsFailedDeliveriesThatMayStillGoOutBackToPendingOnce() throws SQLException {
        long run = Runs.completed(dataSource, "再送 テスト");
        long retryable = failed(run, "RF-1");
        String retryKey = column("retry_key", retryable);
        long withdrawn = failed(run, "RF-2");
        Runs.update(dataSource, "UPDATE customer SET email_consent = FALSE WHERE external_id = 'RF-2'");
        long expired = failed(run, "RF-3");
        Runs.update(dataSource, "UPDATE delivery SET expires_at = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), expired);
        long purged = failed(run, "RF-4");
        Runs.update(dataSource, "UPDATE delivery SET content = '' WHERE id = ?", purged);
        long sent = Runs.delivery(dataSource, run, Db.customer(dataSource, "RF-5"), Channel.EMAIL);
        Runs.update(dataSource, "UPDATE delivery SET status = 'SENT' WHERE id = ?", sent);
        long otherRun = failed(Runs.completed(dataSource, "再送 別の実行"), "RF-6");

        as("marketer").post("/api/v1/runs/" + run + "/deliveries/retry").then().statusCode(200)
                .body("run_id", equalTo((int) run)).body("retried", equalTo(1))
                .body("not_retried.consent_withdrawn", equalTo(1)).body("not_retried.expired", equalTo(1))
                .body("not_retried.body_purged", equalTo(1)).body("not_retried.no_address", equalTo(0));

        assertEquals("PENDING", column("status", retryable));
        assertEquals("0", column("attempts", retryable));
        assertEquals(retryKey, column("retry_key", retryable), "the same retry key: receivers still see one message");
        assertEquals("1", Db.value(dataSource, "SELECT COUNT(*) FROM delivery WHERE id = ? AND next_attempt_at <= ?",
                retryable, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)), "due now");
        for (long untouched : new long[] { withdrawn, expired, purged, otherRun }) {
            assertEquals("FAILED", column("status", untouched), "delivery " + untouched);
            assertEquals("3", column("attempts", untouched), "delivery " + untouched);
        }
        assertEquals("SENT", column("status", sent));

        as("admin").post("/api/v1/runs/" + run + "/deliveries/retry").then().statusCode(200)
                .body("retried", equalTo(0)).body("not_retried.consent_withdrawn", equalTo(1));

        drainer.drainBatch(messengers.of(Channel.EMAIL));
        assertEquals("SENT", column("status", retryable), "the retried delivery goes out through the outbox");
    }

    @Test
    void shouldLetOnlyMarketersAndAdminsRetryAndAnswer404ForAnUnknownRun() throws SQLException {
        long run = Runs.completed(dataSource, "再送 権限");
        long delivery = failed(run, "RF-7");
        as("viewer").post("/api/v1/runs/" + run + "/deliveries/retry").then().statusCode(403);
        assertEquals("FAILED", column("status", delivery));
        as("marketer").post("/api/v1/runs/999999/deliveries/retry").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
