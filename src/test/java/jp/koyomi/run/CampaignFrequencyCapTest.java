package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;
import jp.koyomi.support.TemplateIds;

/** A campaign's own frequency cap next to the global one (2 a week): the stricter applies. */
@QuarkusTest
class CampaignFrequencyCapTest {

    @Inject
    AgroalDataSource dataSource;

    private int campaign(String name, int emailVersion, String cap) {
        return as("marketer").contentType("application/json").body("{\"name\":\"" + name + "\",\"definition\":{"
                + "\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},"
                + "\"rules\":{\"blocks\":{\"points\":{\"min_points\":100,\"expiring_within_days\":3650,\"required\":true,"
                + "\"key\":\"points\",\"title\":\"ポイント\"}}},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":" + emailVersion
                + "}" + cap + "}}").post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldCapACustomerAtTheCampaignsStricterLimitButNotAtTheGlobalOne() throws SQLException {
        long customer = Db.customer(dataSource, "CAP-1");
        Db.pendingDelivery(dataSource, customer, Channel.EMAIL, Instant.now());
        int version = as("marketer").contentType("application/json")
                .body("{\"subject\":\"ポイントのお知らせ\",\"html\":\"<p>${customer.familyName}様</p>\",\"text\":\"${customer.familyName}様\"}")
                .post("/api/v1/templates/cap-letter/EMAIL/versions").then().statusCode(201).extract().path("id");
        int careful = campaign("一通だけのレター", version, ",\"frequency_cap\":{\"max\":1}");
        int ordinary = campaign("普通のレター", version, "");

        as("viewer").get("/api/v1/runs/campaign/" + careful + "/explain/CAP-1").then().statusCode(200)
                .body("outcome", equalTo("SKIPPED")).body("skip_reason", equalTo("CAPPED"));
        as("viewer").get("/api/v1/runs/campaign/" + ordinary + "/explain/CAP-1").then().statusCode(200)
                .body("skip_reason", not(equalTo("CAPPED"))).body("outcome", equalTo("SENT_TO_OUTBOX"));
    }

    @Test
    void shouldRefuseANegativeCampaignCap() {
        as("marketer").contentType("application/json").body("{\"name\":\"負の上限\",\"definition\":{"
                + "\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},\"frequency_cap\":{\"max\":-1}}}").post("/api/v1/campaigns").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("frequency_cap.max"));
    }
}
