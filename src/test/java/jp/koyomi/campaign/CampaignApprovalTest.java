package jp.koyomi.campaign;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.TemplateIds;

@QuarkusTest
class CampaignApprovalTest {

    private static String definition(String day) {
        return "{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[\"" + day + "\"],\"at\":\"10:00\"},"
                + "\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"LINE\",\"EMAIL\"],\"templates\":{\"LINE\":" + TemplateIds.line() + ",\"EMAIL\":" + TemplateIds.email() + "},"
                + "\"holdout_percent\":5}";
    }

    private static int create(String name) {
        return as("marketer").contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"definition\":" + definition("FRIDAY") + "}")
                .post("/api/v1/campaigns").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("approved", equalTo(false)).extract().path("id");
    }

    @Test
    void shouldRefuseToActivateAnUnapprovedCampaignWithAClearMessage() {
        int id = create("週刊ニュースレター A");
        as("marketer").post("/api/v1/campaigns/" + id + "/activate").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("not approved"));
    }

    @Test
    void shouldNeedApprovalAgainAfterTheDefinitionChanges() {
        int id = create("週刊ニュースレター B");
        as("admin").contentType("application/json").body("{\"revision\":1}")
                .post("/api/v1/campaigns/" + id + "/approval").then().statusCode(200).body("approved", equalTo(true));
        as("marketer").post("/api/v1/campaigns/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        as("marketer").contentType("application/json").body(definition("MONDAY"))
                .put("/api/v1/campaigns/" + id + "/definition").then().statusCode(200)
                .body("revision", equalTo(2)).body("approved", equalTo(false));
        as("admin").contentType("application/json").body("{\"revision\":1}")
                .post("/api/v1/campaigns/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void shouldShowTheNextOccurrencesInTheCampaignsZone() {
        int id = create("週刊ニュースレター C");
        as("viewer").get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("next_occurrences", hasSize(CampaignService.UPCOMING))
                .body("next_occurrences[0]", org.hamcrest.Matchers.endsWith("T10:00:00+09:00"));
    }

    @Test
    void shouldNameWhatIsMissingFromADefinition() {
        as("marketer").contentType("application/json")
                .body("{\"name\":\"壊れたキャンペーン\",\"definition\":{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[],"
                        + "\"at\":\"10:00\"},\"fallback\":[\"POSTAL\"],\"holdout_percent\":90}}")
                .post("/api/v1/campaigns").then().statusCode(400)
                .body("errors.field", hasItem("cadence.days")).body("errors.field", hasItem("templates.POSTAL"))
                .body("errors.field", hasItem("holdout_percent"));
    }

    @Test
    void shouldRefuseAPartialAnotherChannelsTemplateOrAMissingVersionNamingTheChannel() {
        long partial = as("viewer").get("/api/v1/templates/header/PARTIAL/versions").then().statusCode(200)
                .extract().jsonPath().getLong("[0].id");
        String definition = "{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[\"MONDAY\"],\"at\":\"10:00\"},"
                + "\"fallback\":[\"LINE\",\"EMAIL\",\"POSTAL\"],\"templates\":{\"EMAIL\":" + partial
                + ",\"LINE\":" + TemplateIds.email() + ",\"POSTAL\":999999}}";
        as("marketer").contentType("application/json").body("{\"name\":\"部品を指すキャンペーン\",\"definition\":" + definition + "}")
                .post("/api/v1/campaigns").then().statusCode(400)
                .body("errors.find { it.field == 'templates.EMAIL' }.message", containsString("is a partial"))
                .body("errors.find { it.field == 'templates.LINE' }.message", containsString("is for EMAIL; LINE needs a LINE template"))
                .body("errors.find { it.field == 'templates.POSTAL' }.message", containsString("does not exist"));
        as("viewer").get("/api/v1/campaigns").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(hasItem("部品を指すキャンペーン")));
    }
}
