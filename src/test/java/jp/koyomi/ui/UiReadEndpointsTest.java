package jp.koyomi.ui;

import static jp.koyomi.support.TestUsers.anonymous;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.demo.DemoBrand;
import jp.koyomi.run.RunExecutor;
import jp.koyomi.run.RunWorker;

/** The read endpoints the UI pages need, as integrators get them: filters, keyset pages, search, roles. */
@QuarkusTest
@TestProfile(MarketerUiTest.WithDemo.class)
class UiReadEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Integer run;

    @Inject
    RunExecutor executor;

    @Inject
    RunWorker worker;

    /** One run of a copy of the weekly newsletter (which reaches most customers), made once for all tests here. */
    @BeforeEach
    void aCompletedRun() throws Exception {
        if (run != null) {
            return;
        }
        int newsletter = as("viewer").get("/api/v1/campaigns").then().extract()
                .path("find { it.name == '週刊ニュースレター' }.id");
        Object definition = as("viewer").get("/api/v1/campaigns/" + newsletter).then().extract().path("definition");
        String body = JSON.writeValueAsString(definition);
        int copy = as("marketer").contentType("application/json")
                .body("{\"name\":\"UI endpoints newsletter\",\"definition\":" + body + "}").post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
        as("admin").contentType("application/json").body("{\"revision\":1}").post("/api/v1/campaigns/" + copy + "/approval")
                .then().statusCode(200);
        run = as("marketer").header("Idempotency-Key", "ui-endpoints-run").post("/api/v1/runs/campaign/" + copy).then()
                .statusCode(201).extract().path("id");
        worker.execute(executor.claimNext().orElseThrow());
    }

    @Test
    void shouldPageARunsDeliveriesNewestFirstWithoutRepeatsAndFilterThem() {
        int total = as("viewer").get("/api/v1/runs/" + run).then().body("status", equalTo("COMPLETED")).extract()
                .path("by_delivery_status.PENDING");
        Set<Integer> seen = new HashSet<>();
        Integer after = null;
        int pages = 0;
        do {
            var page = as("viewer").queryParam("limit", 7).queryParam("after", after == null ? "" : after)
                    .get("/api/v1/runs/" + run + "/deliveries").then().statusCode(200)
                    .body("items.run_id", everyItem(equalTo(run))).extract().jsonPath();
            List<Integer> ids = page.getList("items.id");
            for (int i = 1; i < ids.size(); i++) {
                assertEquals(true, ids.get(i) < ids.get(i - 1), "newest first: " + ids);
            }
            ids.forEach(id -> assertEquals(true, seen.add(id), "no delivery twice: " + id));
            after = page.get("next_after");
            pages++;
        } while (after != null);
        assertEquals(total, seen.size());
        assertNotEquals(1, pages, "the audience needs several pages of 7");
        as("viewer").queryParam("channel", "line").get("/api/v1/runs/" + run + "/deliveries").then().statusCode(200)
                .body("items.channel", everyItem(equalTo("LINE")));
        as("viewer").queryParam("status", "SENT").get("/api/v1/runs/" + run + "/deliveries").then().statusCode(200)
                .body("items", hasSize(0)).body("next_after", nullValue());
    }

    @Test
    void shouldGiveADeliveryItsCampaignCustomerAndAttemptsButNeverItsBody() {
        as("viewer").queryParam("limit", 1).get("/api/v1/runs/" + run + "/deliveries").then().statusCode(200)
                .body("items[0].campaign_name", equalTo("UI endpoints newsletter"))
                .body("items[0].customer_external_id", notNullValue()).body("items[0].attempts", equalTo(0))
                .body("items[0].status", equalTo("PENDING")).body("items[0].next_attempt_at", notNullValue())
                .body("items[0].content", nullValue());
    }

    @Test
    void shouldListTheMessagesACustomerGot() {
        String customer = as("viewer").queryParam("limit", 1).get("/api/v1/runs/" + run + "/deliveries").then().extract()
                .path("items[0].customer_external_id");
        as("viewer").get("/api/v1/customers/" + customer + "/messages").then().statusCode(200)
                .body("items.customer_external_id", everyItem(equalTo(customer)))
                .body("items.run_id", hasItem(run)).body("items.campaign_name", hasItem("UI endpoints newsletter"));
        as("viewer").get("/api/v1/customers/NOBODY/messages").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnUnknownStatusOrRunWithAProblemNamingIt() {
        as("viewer").queryParam("status", "LOST").get("/api/v1/runs/" + run + "/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("PENDING"));
        as("viewer").queryParam("limit", 0).get("/api/v1/runs/" + run + "/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("viewer").get("/api/v1/runs/999999/deliveries").then().statusCode(404);
        anonymous().get("/api/v1/runs/" + run + "/deliveries").then().statusCode(401);
        anonymous().get("/api/v1/customers?q=a").then().statusCode(401);
    }

    @Test
    void shouldFindCustomersByKanjiKanaEmailAndExternalId() {
        var c = as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(7)).then().extract().jsonPath();
        String family = c.getString("family_name");
        String kana = c.getString("family_name_kana") + c.getString("given_name_kana");
        String email = c.getString("email");
        as("viewer").queryParam("q", family).get("/api/v1/customers").then().statusCode(200)
                .body("items.external_id", hasItem(DemoBrand.externalId(7)))
                .body("items.family_name", everyItem(containsString(family)));
        as("viewer").queryParam("q", c.getString("family_name_kana") + " " + c.getString("given_name_kana"))
                .get("/api/v1/customers").then().body("items.external_id", hasItem(DemoBrand.externalId(7)));
        as("viewer").queryParam("q", kana).get("/api/v1/customers").then()
                .body("items.external_id", hasItem(DemoBrand.externalId(7)));
        as("viewer").queryParam("q", email.toUpperCase()).get("/api/v1/customers").then()
                .body("items.external_id", equalTo(List.of(DemoBrand.externalId(7))));
        as("viewer").queryParam("q", "DEMO-00000").queryParam("limit", 5).get("/api/v1/customers").then()
                .body("items", hasSize(5)).body("next_after", equalTo(DemoBrand.externalId(5)));
        // Wildcards are plain characters, not patterns.
        as("viewer").queryParam("q", "%").get("/api/v1/customers").then().body("items", hasSize(0));
        // Without q the listing is what API.md promises.
        as("viewer").queryParam("limit", 2).get("/api/v1/customers").then().body("items", hasSize(2))
                .body("next_after", equalTo(DemoBrand.externalId(2)));
    }

    @Test
    void shouldListRunsNewestFirstWithProgress() {
        as("viewer").get("/api/v1/runs").then().statusCode(200).body("items.id", hasItem(run))
                .body("items.find { it.id == " + run + " }.campaign_name", equalTo("UI endpoints newsletter"))
                .body("items.find { it.id == " + run + " }.customers_decided", greaterThan(0));
        as("viewer").get("/api/v1/runs/" + run + "/progress").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("customers_decided", equalTo(300))
                .body("customers_total", equalTo(300)).body("eta_seconds", nullValue())
                .body("rate_per_second", greaterThan(0f));
    }

    @Test
    void shouldShowATemplatesVersionsNewestFirst() {
        as("viewer").get("/api/v1/templates/weekly-newsletter/EMAIL/versions").then().statusCode(200)
                .body("[0].name", equalTo("weekly-newsletter")).body("[0].version", greaterThan(0));
        as("viewer").get("/api/v1/templates/no-such/EMAIL/versions").then().statusCode(404);
    }

    @Test
    void shouldShowACustomersConsentHistoryAndOffers() {
        as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(7) + "/consent-events").then().statusCode(200)
                .body("items.source", everyItem(equalTo("import"))).body("items.size()", lessThan(4));
        String customer = as("viewer").queryParam("limit", 1).get("/api/v1/runs/" + run + "/deliveries").then().extract()
                .path("items[0].customer_external_id");
        as("viewer").get("/api/v1/customers/" + customer + "/offers").then().statusCode(200);
    }
}
