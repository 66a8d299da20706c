package jp.koyomi.common;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.TemplateIds;

/** A field the API does not know is refused by name, never dropped with its setting. */
@QuarkusTest
class StrictJsonTest {

    private static String definition() {
        return "{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[\"FRIDAY\"],\"at\":\"10:00\"},"
            + "\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],"
            + "\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},";
    }

    @Test
    void shouldRefuseACamelCaseFieldNamingItAndTheSnakeCaseNameItMeant() {
        as("marketer").contentType("application/json")
                .body("{\"name\":\"綴り違い\",\"definition\":" + definition() + "\"holdoutPercent\":7}}")
                .post("/api/v1/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("definition.holdoutPercent"))
                .body("errors[0].message", containsString("holdout_percent"))
                .body("detail", containsString("definition.holdoutPercent"));
        as("viewer").get("/api/v1/campaigns").then().statusCode(200).body("name", not(hasItem("綴り違い")));
    }

    @Test
    void shouldRefuseAnUnknownFieldOfARecordBodyAtTheTopLevel() {
        as("marketer").contentType("application/json")
                .body("{\"channel\":\"EMAIL\",\"customerExternalId\":\"C-1\",\"source\":{}}")
                .post("/api/v1/templates/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("customerExternalId"))
                .body("errors[0].message", containsString("customer_external_id"));
    }

    @Test
    void shouldNotGuessANameForAFieldFarFromEveryKnownOne() {
        as("admin").contentType("application/json").body("{\"revision\":1,\"colour\":\"red\"}")
                .post("/api/v1/campaigns/1/approval").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void shouldNameTheFieldPathOfAValueOfTheWrongType() {
        as("marketer").contentType("application/json")
                .body("{\"name\":\"型違い\",\"definition\":" + definition() + "\"holdout_percent\":\"seven\"}}")
                .post("/api/v1/campaigns").then().statusCode(400)
                .body("errors[0].field", equalTo("definition.holdout_percent"))
                .body("errors[0].message", containsString("whole number"));
    }

    @Test
    void shouldListTheAllowedValuesOfAnEnumField() {
        as("marketer").contentType("application/json")
                .body("{\"name\":\"曜日違い\",\"definition\":{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[\"FRYDAY\"],"
                        + "\"at\":\"10:00\"},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":" + TemplateIds.email() + "}}}")
                .post("/api/v1/campaigns").then().statusCode(400)
                .body("errors[0].field", equalTo("definition.cadence.days[0]"))
                .body("errors[0].message", containsString("FRIDAY"));
    }
}
