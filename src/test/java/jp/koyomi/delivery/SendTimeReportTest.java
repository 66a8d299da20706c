package jp.koyomi.delivery;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.support.ManualClock;
import jp.koyomi.support.Runs;
import jp.koyomi.support.TemplateIds;

/** What the outbox withheld at send time shows in the run report, and a campaign sets its own expiry. */
@QuarkusTest
class SendTimeReportTest {

    @Inject
    HandDrivenDrainers drainers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldCountExpiredAndSoldOutDeliveriesInTheRunReport() throws SQLException {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("REPORT-TEE", "tops", "REPORT-TEE-S", "S", 0)))
                .post("/api/v1/imports/products").then().statusCode(200);
        long run = Runs.completed(dataSource, "report send-time");
        long expired = Runs.delivery(dataSource, run, Db.customer(dataSource, "REPORT-1"), Channel.EMAIL);
        long soldOut = Runs.delivery(dataSource, run, Db.customer(dataSource, "REPORT-2"), Channel.EMAIL);
        long sent = Runs.delivery(dataSource, run, Db.customer(dataSource, "REPORT-3"), Channel.EMAIL);
        Runs.update(dataSource, "UPDATE delivery SET expires_at = created_at WHERE id = ?", expired);
        Runs.update(dataSource, "UPDATE delivery SET offered_skus = ?, offer_min_stock = 1 WHERE id = ?",
                "[\"REPORT-TEE-S\"]", soldOut);
        ManualClock clock = new ManualClock(Instant.now().plusSeconds(1));
        OutboxDrainer drainer = drainers.on(clock);
        ScriptedMessenger smtp = ScriptedMessenger.accepting(Channel.EMAIL);
        for (int batch = 0; batch < 100 && drainer.drainBatch(smtp) > 0; batch++) {
            // drain everything due, this test's three included
        }

        as("viewer").get("/api/v1/runs/" + run).then().statusCode(200)
                .body("by_delivery_status.EXPIRED", equalTo(1))
                .body("by_delivery_status.SOLD_OUT_BEFORE_SEND", equalTo(1))
                .body("by_delivery_status.SENT", equalTo(1))
                .body("by_delivery_status.FAILED", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(1, smtp.times(sent));
    }

    @Test
    void shouldTakeACampaignsOwnDeliveryExpiryAndRefuseANonsensicalOne() {
        String definition = "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":"
                + "{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},"
                + "\"holdout_percent\":0,\"delivery_expiry\":\"%s\"}";
        int id = as("marketer").contentType("application/json")
                .body("{\"name\":\"expiry 24h\",\"definition\":" + definition.formatted("PT24H") + "}")
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        as("viewer").get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("definition.delivery_expiry", equalTo("PT24H"));
        as("marketer").contentType("application/json")
                .body("{\"name\":\"expiry 5m\",\"definition\":" + definition.formatted("PT5M") + "}")
                .post("/api/v1/campaigns").then().statusCode(400).body("errors.field", hasItem("delivery_expiry"));
    }
}
