package jp.koyomi.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadinessTest {

    @Test
    void shouldBeReadyWhenTheDatabaseAndTheSchedulerAre() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Scheduler", "Database connections health check"));
    }

    @Test
    void shouldServeTheOpenApiDocumentOfTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/imports/customers", "/api/v1/customers/{externalId}"));
    }
}
