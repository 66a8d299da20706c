package jp.koyomi.api;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.koyomi.run.CampaignPipelines;
import jp.koyomi.run.RunExecutor;

/**
 * The contract: every operation of /q/openapi, called with its documented examples on the demo
 * brand, answers a documented status with a body that validates against the documented schema, and
 * names no field the document does not. Operations added later are covered without touching this.
 */
@QuarkusTest
@TestProfile(OpenApiContractTest.DemoBrand.class)
class OpenApiContractTest {

    /** The demo brand (campaign 1, template versions, customers DEMO-000001…) behind the documented examples. */
    public static class DemoBrand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("koyomi.demo.enabled", "true", "koyomi.demo.customers", "60");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Inject
    RunExecutor executor;

    @Inject
    CampaignPipelines pipelines;

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationAnswersAsDocumented() throws Exception {
        runOfTheFirstDemoCampaign();
        OpenApiDocument document = OpenApiDocument.fetch();
        List<OpenApiDocument.Operation> operations = new ArrayList<>(document.operations());
        assertTrue(operations.size() >= 30, "the document lists only " + operations.size() + " operations");
        // Reads first, so that the example ids still exist; then the calls that change things, those
        // that end something last.
        operations.sort(Comparator.comparing((OpenApiDocument.Operation o) -> !o.method().equals("get"))
                .thenComparing(o -> o.path().endsWith("/archive") || o.path().endsWith("/cancel"))
                .thenComparing(OpenApiDocument.Operation::path));
        List<String> succeeded = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (OpenApiDocument.Operation operation : operations) {
            tests.add(DynamicTest.dynamicTest(operation.toString(), () -> check(document, operation, succeeded)));
        }
        // Some examples cannot succeed by design (a signed link's token, LINE's signature, resuming a
        // run that did not fail); the rest must, or the examples would document nothing real.
        tests.add(DynamicTest.dynamicTest("most examples succeed", () -> assertTrue(
                succeeded.size() * 4 >= operations.size() * 3, "only these succeeded with their examples: " + succeeded)));
        return tests.stream();
    }

    @Test
    void everyPropertyNameOfTheDocumentIsSnakeCaseAsOnTheWire() throws Exception {
        JsonNode schemas = OpenApiDocument.fetch().root().path("components").path("schemas");
        List<String> camel = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fieldNames().forEachRemaining(
                name -> {
                    if (!name.matches("[a-z][a-z0-9_]*")) {
                        camel.add(schema.getKey() + "." + name);
                    }
                }));
        assertTrue(camel.isEmpty(), "not snake_case: " + camel);
        assertTrue(schemas.path("Campaign").path("properties").has("approved_by"));
        assertTrue(schemas.path("Items").path("properties").has("max_items"), "the rule JSON is described");
    }

    @Test
    void cadenceIsADiscriminatedOneOfOfItsFourTypes() throws Exception {
        JsonNode cadence = OpenApiDocument.fetch().root().path("components").path("schemas").path("Cadence");
        assertEquals(4, cadence.path("oneOf").size(), cadence.toString());
        assertEquals("type", cadence.path("discriminator").path("propertyName").asText());
        List<String> types = new ArrayList<>();
        cadence.path("discriminator").path("mapping").fieldNames().forEachRemaining(types::add);
        assertEquals(List.of("WEEKLY", "MONTHLY", "SEASONAL", "CRON"), types);
    }

    /** Approves and runs campaign 1, so that run 1 and its postal export 1 exist for the examples. */
    private void runOfTheFirstDemoCampaign() {
        as("admin").contentType("application/json").body("{\"revision\":1}").post("/api/v1/campaigns/1/approval").then()
                .statusCode(200);
        int run = as("marketer").post("/api/v1/runs/campaign/1").then().statusCode(201).extract().path("id");
        assertEquals(1, run);
        RunExecutor.ClaimedRun claimed = executor.claimNext().orElseThrow();
        executor.execute(claimed, pipelines.forCampaign(claimed.campaignId(), Instant.now()));
        as("marketer").post("/api/v1/postal-exports/run/1").then().statusCode(201);
    }

    private static void check(OpenApiDocument document, OpenApiDocument.Operation operation, List<String> succeeded)
            throws Exception {
        RequestSpecification request = (operation.role() == null ? io.restassured.RestAssured.given() : as("admin"))
                .config(io.restassured.RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
        Map.Entry<String, String> body = operation.exampleBody();
        if (body != null) {
            request = request.contentType(body.getKey()).body(body.getValue());
            JsonNode requestSchema = operation.node().path("requestBody").path("content").path(body.getKey()).path("schema");
            if (body.getKey().endsWith("json") && !requestSchema.isMissingNode()) {
                Set<ValidationMessage> errors = SCHEMAS.getSchema(document.strictSchema(requestSchema))
                        .validate(JSON.readTree(body.getValue()));
                assertTrue(errors.isEmpty(), operation + ": the documented example body does not match the documented "
                        + "request schema: " + errors);
            }
        }
        Response response = request.request(operation.method().toUpperCase(), operation.exampleUrl());
        int status = response.statusCode();
        JsonNode documented = operation.response(status);
        if (documented.isMissingNode()) {
            fail(operation + " answered " + status + ", which it does not document: " + response.asString());
        }
        if (status < 400) {
            succeeded.add(operation.toString());
        }
        documented.path("headers").fieldNames().forEachRemaining(header -> assertNotNull(response.header(header),
                operation + " " + status + " documents the header " + header));
        String type = response.contentType() == null ? "" : response.contentType().replaceAll(";.*", "").trim();
        boolean json = type.endsWith("json");
        if (!json || response.asByteArray().length == 0) {
            return;
        }
        JsonNode schema = documented.path("content").path(type).path("schema");
        assertFalse(schema.isMissingNode(), operation + " " + status + " answered " + type
                + " but documents no schema for it: " + response.asString());
        Set<ValidationMessage> errors = SCHEMAS.getSchema(document.strictSchema(schema))
                .validate(JSON.readTree(response.asString()));
        assertTrue(errors.isEmpty(), operation + " " + status + " does not match its documented schema: " + errors
                + "\n" + abbreviated(response.asString()));
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
