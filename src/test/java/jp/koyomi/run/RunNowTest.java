package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

@QuarkusTest
class RunNowTest {

    @Inject
    AgroalDataSource dataSource;

    private int runs(long campaign) throws SQLException {
        return Integer.parseInt(Db.value(dataSource, "SELECT COUNT(*) FROM campaign_run WHERE campaign_id = ?", campaign));
    }

    @Test
    void shouldAnswerARepeatedIdempotencyKeyWithTheRunItStartedInsteadOfANewRun() throws SQLException {
        long campaign = Runs.approvedCampaign("今すぐ実行 冪等キー");
        int first = as("marketer").header("Idempotency-Key", "5b0c1f5e-2f4e-4a8e-9d7e-1c2b3a4d5e6f")
                .post("/api/v1/runs/campaign/" + campaign).then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        as("marketer").header("Idempotency-Key", "5b0c1f5e-2f4e-4a8e-9d7e-1c2b3a4d5e6f")
                .post("/api/v1/runs/campaign/" + campaign).then().statusCode(200).body("id", equalTo(first));
        // Still the same run once it has finished: the key names one request, whatever happened since.
        as("marketer").post("/api/v1/runs/" + first + "/cancel").then().statusCode(200);
        as("marketer").header("Idempotency-Key", "5b0c1f5e-2f4e-4a8e-9d7e-1c2b3a4d5e6f")
                .post("/api/v1/runs/campaign/" + campaign).then().statusCode(200).body("id", equalTo(first))
                .body("status", equalTo("CANCELLED"));
        assertEquals(1, runs(campaign));
    }

    @Test
    void shouldRefuseASecondRunNowOfTheSameRevisionWhileTheFirstIsPendingNamingIt() throws SQLException {
        long campaign = Runs.approvedCampaign("今すぐ実行 二度押し");
        var created = as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(201).extract();
        int first = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/runs/" + first),
                created.header("Location"));
        as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("run " + first + " "))
                .body("detail", containsString("PENDING"));
        as("marketer").header("Idempotency-Key", "another-request").post("/api/v1/runs/campaign/" + campaign).then()
                .statusCode(409);
        assertEquals(1, runs(campaign));

        as("marketer").post("/api/v1/runs/" + first + "/cancel").then().statusCode(200);
        as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(201);
        assertEquals(2, runs(campaign));
    }

    @Test
    void shouldStartOneRunWhenTwoRunNowRequestsArriveTogether() throws Exception {
        long campaign = Runs.approvedCampaign("今すぐ実行 同時");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> request = () -> {
                    start.await();
                    return as("marketer").post("/api/v1/runs/campaign/" + campaign).then().extract().statusCode();
                };
                answers.add(pool.submit(request));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, runs(campaign));
    }

    @Test
    void shouldRefuseAnIdempotencyKeyThatIsNotPrintableAscii() {
        long campaign = Runs.approvedCampaign("今すぐ実行 不正キー");
        as("marketer").header("Idempotency-Key", "x".repeat(201)).post("/api/v1/runs/campaign/" + campaign).then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
