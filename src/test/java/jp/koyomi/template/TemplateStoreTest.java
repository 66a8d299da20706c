package jp.koyomi.template;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TemplateStoreTest {

    private static final String GOOD = "{\"subject\":\"${customer.familyName}様へ\",\"html\":\"<p>${customer.fullName}様</p>\","
            + "\"text\":\"${customer.fullName}様\"}";

    @Test
    void shippedTemplatesAreInTheStoreAfterFirstStart() {
        as("viewer").get("/api/v1/templates").then().statusCode(200)
                .body("name", hasItems("weekly-newsletter", "monthly-points", "seasonal-markdown", "last-chance", "header"))
                .body("findAll { it.name == 'last-chance' }.channel", hasItems("EMAIL", "LINE", "POSTAL"));
    }

    @Test
    void savingAddsNumberedVersions() {
        as("marketer").contentType("application/json").body(GOOD).post("/api/v1/templates/greeting/EMAIL/versions")
                .then().statusCode(201).body("version", equalTo(1)).body("created_by", equalTo("marketer-user"));
        as("marketer").contentType("application/json").body(GOOD).post("/api/v1/templates/greeting/EMAIL/versions")
                .then().statusCode(201).body("version", equalTo(2));
    }

    @Test
    void anUndefinedVariableIsRefusedNamingPartLineAndColumn() {
        String bad = "{\"subject\":\"s\",\"html\":\"<p>\\n  ${customer.nickname}</p>\",\"text\":\"t\"}";
        as("marketer").contentType("application/json").body(bad).post("/api/v1/templates/broken/EMAIL/versions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("html")).body("errors[0].line", equalTo(2))
                .body("errors[0].column", equalTo(5)).body("errors[0].message", containsString("nickname"));
        as("viewer").get("/api/v1/templates").then().body("name", org.hamcrest.Matchers.not(hasItems("broken")));
    }

    @Test
    void aHostileTemplateIsRefusedAtSave() {
        String hostile = "{\"subject\":\"s\",\"html\":\"<#assign x=\\\"freemarker.template.utility.Execute\\\"?new()>${x('id')}\","
                + "\"text\":\"t\"}";
        as("marketer").contentType("application/json").body(hostile).post("/api/v1/templates/evil/EMAIL/versions")
                .then().statusCode(400).body("errors[0].message", containsString("not allowed"));
    }

    @Test
    void previewRendersAStoredVersionAndUnsavedSource() {
        int id = as("viewer").get("/api/v1/templates").then().extract()
                .path("find { it.name == 'last-chance' && it.channel == 'LINE' }.id");
        as("marketer").contentType("application/json").body("{\"version_id\":" + id + "}").post("/api/v1/templates/preview")
                .then().statusCode(200).body("messages_json[0]", containsString("青木様"));
        as("marketer").contentType("application/json")
                .body("{\"channel\":\"POSTAL\",\"source\":{\"fields\":{\"greeting\":\"${customer.fullName}様\"}}}")
                .post("/api/v1/templates/preview").then().statusCode(200).body("fields.greeting", equalTo("青木 陽菜様"));
    }

    @Test
    void previewRendersForAChosenCustomer() {
        as("marketer").contentType("text/csv").body("external_id,family_name,given_name,prefecture\nTP-1,<森>,蓮,沖縄県\n")
                .post("/api/v1/imports/customers").then().statusCode(200);
        int id = as("viewer").get("/api/v1/templates").then().extract()
                .path("find { it.name == 'seasonal-markdown' && it.channel == 'EMAIL' }.id");
        as("marketer").contentType("application/json").body("{\"version_id\":" + id + ",\"customer_external_id\":\"TP-1\"}")
                .post("/api/v1/templates/preview").then().statusCode(200)
                .body("html", containsString("&lt;森&gt; 蓮様")).body("html", containsString("沖縄県"));
        as("marketer").contentType("application/json").body("{\"version_id\":" + id + ",\"customer_external_id\":\"NOBODY\"}")
                .post("/api/v1/templates/preview").then().statusCode(404);
    }

    private static String email(String html) {
        return "{\"subject\":\"s\",\"html\":\"" + html.replace("\"", "\\\"") + "\",\"text\":\"t\"}";
    }

    @Test
    void aStringDoublingTemplateIsA400AtSaveAndPreviewAndTheServerStaysHealthy() {
        String doubling = email("<#assign s = \"x\"><#list 1..64 as i><#assign s = s + s></#list>${s?length}");
        as("marketer").contentType("application/json").body(doubling).post("/api/v1/templates/doubling/EMAIL/versions")
                .then().statusCode(400).body("errors[0].field", equalTo("html")).body("errors[0].line", equalTo(1))
                .body("errors[0].column", org.hamcrest.Matchers.notNullValue())
                .body("errors[0].message", containsString("memory"));
        as("marketer").contentType("application/json").body("{\"channel\":\"EMAIL\",\"source\":" + doubling + "}")
                .post("/api/v1/templates/preview").then().statusCode(400).body("errors[0].line", equalTo(1));
        as("marketer").contentType("application/json").body(GOOD).post("/api/v1/templates/after-doubling/EMAIL/versions")
                .then().statusCode(201);
    }

    @Test
    void macroRecursionIsA400NotA500() {
        String recursion = email("<#macro m n><@m n=n+1/></#macro>\\n<@m n=0/>");
        as("marketer").contentType("application/json").body(recursion).post("/api/v1/templates/recursion/EMAIL/versions")
                .then().statusCode(400).body("errors[0].line", org.hamcrest.Matchers.notNullValue())
                .body("errors[0].message", containsString("call itself"));
        as("marketer").contentType("application/json").body("{\"channel\":\"EMAIL\",\"source\":" + recursion + "}")
                .post("/api/v1/templates/preview").then().statusCode(400);
    }

    @Test
    void previewAnswers400WhereSaveAnswers400WithoutInternals() {
        String missing = email("<p>\\n  ${customer.nickname}</p>");
        as("marketer").contentType("application/json").body("{\"channel\":\"EMAIL\",\"source\":" + missing + "}")
                .post("/api/v1/templates/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("html")).body("errors[0].line", equalTo(2))
                .body("errors[0].column", equalTo(5)).body("errors[0].message", containsString("nickname"));
        String noPartial = email("<#include \"nosuch\">");
        as("marketer").contentType("application/json").body("{\"channel\":\"EMAIL\",\"source\":" + noPartial + "}")
                .post("/api/v1/templates/preview").then().statusCode(400)
                .body("errors[0].message", equalTo("there is no partial named \"nosuch\""))
                .body("errors[0].line", equalTo(1)).body("errors[0].column", equalTo(1));
    }
}
