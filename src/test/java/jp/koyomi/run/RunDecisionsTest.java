package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

/** A run's decisions, one row per customer, filtered and paged by keyset. */
@QuarkusTest
class RunDecisionsTest {

    @Inject
    AgroalDataSource dataSource;

    private long run;
    private String prefix;

    /** Five customers and what a run decided for each, written as the run writer writes them. */
    @BeforeEach
    void aRunWithFiveDecisions() throws SQLException {
        prefix = "RD-" + System.nanoTime() + "-";
        run = Runs.completed(dataSource, "決定一覧 " + prefix);
        String[][] decisions = { { "SENT_TO_OUTBOX", null, "EMAIL" }, { "SKIPPED", "NO_SIZE_IN_STOCK", null },
                { "SENT_TO_OUTBOX", null, "LINE" }, { "HOLDOUT", null, null }, { "SKIPPED", "CAPPED", null } };
        for (int i = 0; i < decisions.length; i++) {
            long customer = Db.customer(dataSource, prefix + (i + 1));
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO run_decision (run_id, customer_id, outcome, skip_reason, channel) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, run);
                s.setLong(2, customer);
                s.setString(3, decisions[i][0]);
                s.setString(4, decisions[i][1]);
                s.setString(5, decisions[i][2]);
                s.executeUpdate();
            }
        }
    }

    private JsonPath page(String query) {
        return as("viewer").get("/api/v1/runs/" + run + "/decisions" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldWalkEveryDecisionOnceInKeysetPages() {
        List<String> seen = new ArrayList<>();
        String query = "?limit=2";
        int pages = 0;
        while (true) {
            JsonPath page = page(query);
            seen.addAll(page.getList("items.customer_external_id"));
            pages++;
            Object next = page.get("next_after");
            if (next == null) {
                break;
            }
            query = "?limit=2&after=" + next;
        }
        assertEquals(List.of(prefix + 1, prefix + 2, prefix + 3, prefix + 4, prefix + 5), seen);
        assertEquals(3, pages);
    }

    @Test
    void shouldFilterBySkipReasonOutcomeChannelAndCustomer() {
        as("viewer").get("/api/v1/runs/" + run + "/decisions?skip_reason=NO_SIZE_IN_STOCK").then().statusCode(200)
                .body("items.customer_external_id", contains(prefix + 2)).body("items[0].outcome", equalTo("SKIPPED"))
                .body("next_after", nullValue());
        as("viewer").get("/api/v1/runs/" + run + "/decisions?outcome=SENT_TO_OUTBOX").then()
                .body("items.channel", contains("EMAIL", "LINE"));
        as("viewer").get("/api/v1/runs/" + run + "/decisions?channel=LINE").then()
                .body("items.customer_external_id", contains(prefix + 3));
        as("viewer").get("/api/v1/runs/" + run + "/decisions?customer=" + prefix + 4).then()
                .body("items.outcome", contains("HOLDOUT"));
    }

    @Test
    void shouldRefuseAnUnknownFilterValueNamingTheParameter() {
        as("viewer").get("/api/v1/runs/" + run + "/decisions?skip_reason=SOLD_OUT").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("skip_reason"));
        as("viewer").get("/api/v1/runs/" + run + "/decisions?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswer404ForARunThatDoesNotExist() {
        as("viewer").get("/api/v1/runs/99999999/decisions").then().statusCode(404);
    }
}
