package jp.koyomi.template;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Partials are checked when saved, and a message template version keeps the partial versions it
 * was saved with: a campaign approved on that version sends exactly what was approved.
 */
@QuarkusTest
class PartialPinningTest {

    @Inject
    TemplateService templates;

    private static int savePartial(String name, String body) {
        var saved = as("marketer").contentType("application/json").body("{\"body\":\"" + body + "\"}")
                .post("/api/v1/templates/" + name + "/PARTIAL/versions").then().statusCode(201).extract();
        int id = saved.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(saved.header("Location").endsWith("/api/v1/templates/versions/" + id));
        return id;
    }

    private static int saveEmailIncluding(String name, String partial) {
        return as("marketer").contentType("application/json")
                .body("{\"subject\":\"s\",\"html\":\"<div><#include \\\"" + partial + "\\\"></div>\",\"text\":\"t\"}")
                .post("/api/v1/templates/" + name + "/EMAIL/versions").then().statusCode(201).extract().path("id");
    }

    private static String previewHtml(int versionId) {
        return as("marketer").contentType("application/json").body("{\"version_id\":" + versionId + "}")
                .post("/api/v1/templates/preview").then().statusCode(200).extract().path("html");
    }

    @Test
    void aTemplateVersionKeepsThePartialVersionsItWasSavedWith() {
        int first = savePartial("pin-footer", "<p>first ${sender.brand}</p>");
        int template = saveEmailIncluding("pinned-mail", "pin-footer");
        as("viewer").get("/api/v1/templates/versions/" + template).then().statusCode(200)
                .body("partials.pin-footer", equalTo(first));
        savePartial("pin-footer", "<p>second</p>");

        org.junit.jupiter.api.Assertions.assertTrue(previewHtml(template).contains("first"),
                "the approved version still sends the partial it was saved with");
        var sent = (RenderedMessage.Email) templates.compiled(template).render(SampleContexts.full());
        org.junit.jupiter.api.Assertions.assertTrue(sent.html().contains("first"), "runs render what was approved");
        int next = saveEmailIncluding("pinned-mail", "pin-footer");
        org.junit.jupiter.api.Assertions.assertTrue(previewHtml(next).contains("second"));
    }

    @Test
    void partialsIncludedThroughOtherPartialsArePinnedToo() {
        int inner = savePartial("pin-inner", "<b>inner</b>");
        int outer = savePartial("pin-outer", "<i><#include \\\"pin-inner\\\"></i>");
        int template = saveEmailIncluding("pinned-nested", "pin-outer");
        as("viewer").get("/api/v1/templates/versions/" + template).then()
                .body("partials.pin-outer", equalTo(outer)).body("partials.pin-inner", equalTo(inner));
    }

    @Test
    void aPartialThatDoesNotParseIsRefusedWithLineAndColumn() {
        as("marketer").contentType("application/json").body("{\"body\":\"<p>\\n<#if customer.points > 0>x</p>\"}")
                .post("/api/v1/templates/pin-broken/PARTIAL/versions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                .body("errors[0].line", notNullValue()).body("errors[0].column", notNullValue());
        as("viewer").get("/api/v1/templates").then().body("name", not(org.hamcrest.Matchers.hasItem("pin-broken")));
    }

    @Test
    void aPartialThatSwitchesEscapingOffIsRefused() {
        as("marketer").contentType("application/json")
                .body("{\"body\":\"<#outputformat \\\"RTF\\\">${customer.familyName}</#outputformat>\"}")
                .post("/api/v1/templates/pin-evil/PARTIAL/versions").then().statusCode(400)
                .body("errors[0].line", equalTo(1)).body("errors[0].column", equalTo(1))
                .body("errors[0].message", containsString("escaping"));
    }

    @Test
    void aPartialThatWouldBreakATemplateUsingItIsRefused() {
        savePartial("pin-card", "<p>${customer.familyName}</p>");
        saveEmailIncluding("pinned-card-mail", "pin-card");
        as("marketer").contentType("application/json").body("{\"body\":\"<p>${customer.nickname}</p>\"}")
                .post("/api/v1/templates/pin-card/PARTIAL/versions").then().statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("pinned-card-mail"))
                .body("errors[0].message", containsString("nickname"));
    }
}
