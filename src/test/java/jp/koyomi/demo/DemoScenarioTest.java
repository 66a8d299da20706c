package jp.koyomi.demo;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.run.CampaignPipelines;
import jp.koyomi.run.RunExecutor;

/** The brand's stories, end to end on the demo brand: dry run, explain, approval, run, cap. */
@QuarkusTest
@TestProfile(DemoLoadTest.WithDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScenarioTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunExecutor executor;

    @Inject
    CampaignPipelines pipelines;

    private static int campaign(String name) {
        return as("viewer").get("/api/v1/campaigns").then().extract().path("find { it.name == '" + name + "' }.id");
    }

    @Test
    @Order(1)
    void lastChanceJeansAreNotOfferedToTheCustomersInMWhenOnlyXsAndXxlRemain() {
        int lastChance = campaign("販売終了のお知らせ（ジーンズ）");
        as("marketer").post("/api/v1/runs/campaign/" + lastChance + "/dry-run").then().statusCode(200)
                .body("customers", greaterThanOrEqualTo(300)).body("by_skip_reason.NO_SIZE_IN_STOCK", greaterThan(0));
        // Customer 7 bought JN-204 three times in M; only XS and XXL are left.
        as("viewer").get("/api/v1/runs/campaign/" + lastChance + "/explain/" + DemoBrand.externalId(7)).then()
                .statusCode(200).body("outcome", equalTo("SKIPPED")).body("skip_reason", equalTo("NO_SIZE_IN_STOCK"))
                .body("explanation.toString()", containsString("M"));
    }

    @Test
    @Order(1)
    void lastChanceJeansWithMStillInStockAreOfferedInM() {
        int lastChance = campaign("販売終了のお知らせ（ジーンズ）");
        // Customers 19, 144 and 269 bought JN-310 in M, which is still in stock.
        List<String> outcomes = new ArrayList<>();
        for (int i : new int[] { 19, 144, 269 }) {
            outcomes.add(as("viewer").get("/api/v1/runs/campaign/" + lastChance + "/explain/" + DemoBrand.externalId(i))
                    .then().statusCode(200).extract().asString());
        }
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("\"outcome\":\"SENT_TO_OUTBOX\"")), outcomes.toString());
    }

    @Test
    @Order(1)
    void winterCoatsGoToColdRegionsOnly() {
        int coats = campaign("冬物コート 寒冷地セール");
        as("marketer").post("/api/v1/runs/campaign/" + coats + "/dry-run").then().statusCode(200)
                .body("by_skip_reason.NOT_IN_AUDIENCE", greaterThan(100));
    }

    @Test
    @Order(2)
    void anApprovedCampaignRunFillsTheOutboxAndReportsByChannel() throws java.sql.SQLException {
        int lastChance = campaign("販売終了のお知らせ（ジーンズ）");
        as("marketer").post("/api/v1/runs/campaign/" + lastChance).then().statusCode(409);
        as("admin").contentType("application/json").body("{\"revision\":1}")
                .post("/api/v1/campaigns/" + lastChance + "/approval").then().statusCode(200);
        int run = as("marketer").post("/api/v1/runs/campaign/" + lastChance).then().statusCode(201).extract().path("id");
        approvedRun = run;
        RunExecutor.ClaimedRun claimed = executor.claimNext().orElseThrow();
        assertEquals(run, claimed.id());
        executor.execute(claimed, pipelines.forCampaign(claimed.campaignId(), Instant.now()));
        as("viewer").get("/api/v1/runs/" + run).then().body("status", equalTo("COMPLETED"))
                .body("customers_decided", greaterThanOrEqualTo(300)).body("by_skip_reason.keySet()", hasItem("NO_SIZE_IN_STOCK"))
                .body("by_outcome.SENT_TO_OUTBOX", greaterThan(0))
                .body("template_versions.keySet()", hasItem("EMAIL")).body("template_versions.LINE", greaterThan(0));
        assertEachLetterRecordsItsOfferAndExpiry(run);
    }

    /** What the outbox re-checks at send time: the SKUs offered, the rule's stock minimum, the expiry (72 h). */
    private void assertEachLetterRecordsItsOfferAndExpiry(long run) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT offered_skus, offer_min_stock, created_at, expires_at FROM delivery WHERE run_id = ?")) {
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertTrue(rs.getString(1).startsWith("[\"JN-"), rs.getString(1));
                    assertEquals(1, rs.getInt(2));
                    assertEquals(java.time.Duration.ofHours(72), java.time.Duration.between(
                            rs.getObject(3, java.time.OffsetDateTime.class), rs.getObject(4, java.time.OffsetDateTime.class)));
                }
                assertTrue(rows > 0);
            }
        }
    }

    @Inject
    jp.koyomi.run.RunWorker worker;

    private static int approvedRun;

    @Test
    @Order(3)
    void aCompletedRunsPostalDeliveriesBecomeOneCsvForThePrinter() {
        int postal = as("viewer").get("/api/v1/runs/" + approvedRun).then().extract()
                .path("by_channel.POSTAL");
        int export = as("marketer").post("/api/v1/postal-exports/run/" + approvedRun).then().statusCode(201)
                .body("encoding", equalTo("windows-31j")).body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");
        int rows = as("marketer").get("/api/v1/postal-exports/" + export).then().extract().path("row_count");
        int held = as("marketer").get("/api/v1/postal-exports/" + export).then().extract().path("held_back_count");
        assertEquals(postal, rows + held, "every POSTAL delivery is either in the file or held back");
        byte[] file = as("marketer").get("/api/v1/postal-exports/" + export + "/file").then().statusCode(200)
                .extract().asByteArray();
        String csv = new String(file, jp.koyomi.channel.postal.PostalCsvWriter.WINDOWS_31J);
        assertTrue(csv.startsWith("postal_code,address,building,company,name,barcode,greeting,"), csv);
        assertEquals(rows + 1, csv.split("\r\n").length);
        // Exported rows are SENT, so a second export finds nothing left to print.
        as("marketer").post("/api/v1/postal-exports/run/" + approvedRun).then().statusCode(201).body("row_count", equalTo(0));
    }

    @Test
    @Order(3)
    void aRunOfACampaignChangedAfterApprovalIsRefusedWithTheReason() {
        int coats = campaign("冬物コート 寒冷地セール");
        as("admin").contentType("application/json").body("{\"revision\":1}")
                .post("/api/v1/campaigns/" + coats + "/approval").then().statusCode(200);
        int run = as("marketer").post("/api/v1/runs/campaign/" + coats).then().statusCode(201).extract().path("id");
        String definition = as("viewer").get("/api/v1/campaigns/" + coats).then().extract().jsonPath()
                .prettify();
        String body = definition.substring(definition.indexOf("\"definition\""));
        body = body.substring(body.indexOf('{'), matching(body, body.indexOf('{')) + 1);
        as("marketer").contentType("application/json").body(body).put("/api/v1/campaigns/" + coats + "/definition")
                .then().statusCode(200).body("approved", equalTo(false));
        worker.execute(executor.claimNext().orElseThrow());
        as("viewer").get("/api/v1/runs/" + run).then().body("status", equalTo("FAILED"))
                .body("error", containsString("changed since this run was planned"));
    }

    /** Last: it fills every customer's cap. */
    @Test
    @Order(4)
    void twoCampaignsAtOnceNeverTakeACustomerOverTheCap() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        int newsletter = campaign("週刊ニュースレター");
        List<RunExecutor.ClaimedRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Three runs of campaigns that reach most customers, due together.
            int id = copy(newsletter, "同時配信 " + i);
            as("admin").contentType("application/json").body("{\"revision\":1}")
                    .post("/api/v1/campaigns/" + id + "/approval").then().statusCode(200);
            as("marketer").post("/api/v1/runs/campaign/" + id).then().statusCode(201);
            runs.add(executor.claimNext().orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (RunExecutor.ClaimedRun r : runs) {
            done.add(pool.submit(() -> executor.execute(r, pipelines.forCampaign(r.campaignId(), Instant.now()))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT MAX(n), COUNT(*) FROM (SELECT customer_id, COUNT(*) AS n FROM delivery WHERE created_at >= ? "
                        + "GROUP BY customer_id) per_customer")) {
            s.setObject(1, start.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(2, rs.getInt(1), "the most any customer got is the cap of 2, and someone reached it");
                assertTrue(rs.getInt(2) > 10);
            }
        }
        as("viewer").get("/api/v1/runs/" + runs.get(2).id()).then().body("status", equalTo("COMPLETED"));
        int capped = 0;
        for (RunExecutor.ClaimedRun r : runs) {
            Integer n = as("viewer").get("/api/v1/runs/" + r.id()).then().extract().path("by_skip_reason.CAPPED");
            capped += n == null ? 0 : n;
        }
        assertTrue(capped > 0, "the third message was refused with CAPPED");
    }

    private static int copy(int campaignId, String name) {
        String definition = as("viewer").get("/api/v1/campaigns/" + campaignId).then().extract().jsonPath()
                .prettify();
        String body = definition.substring(definition.indexOf("\"definition\""));
        body = body.substring(body.indexOf('{'), matching(body, body.indexOf('{')) + 1);
        return as("marketer").contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"definition\":" + body + "}").post("/api/v1/campaigns").then()
                .statusCode(201).extract().path("id");
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            depth += s.charAt(i) == '{' ? 1 : s.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced JSON");
    }
}
