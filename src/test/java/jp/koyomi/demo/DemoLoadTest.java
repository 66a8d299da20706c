package jp.koyomi.demo;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoLoadTest.WithDemo.class)
class DemoLoadTest {

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("koyomi.demo.enabled", "true", "koyomi.demo.customers", "300");
        }
    }

    @Test
    void shouldLoadTheDemoBrandAtFirstStartWithSizesDerivedFromItsOrders() {
        // Customer 7 bought the discontinuing jeans JN-204 three times in M.
        as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(7)).then().statusCode(200)
                .body("sizes.jeans", equalTo("M"));
        as("viewer").get("/api/v1/customers?limit=1000").then().body("items.size()", equalTo(300));
    }

    @Test
    void shouldGenerateMoreCustomersOnDemandForAdmins() {
        as("admin").post("/api/v1/admin/demo/customers?count=20").then().statusCode(200).body("created", equalTo(20));
        as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(320)).then().statusCode(200);
        as("admin").post("/api/v1/admin/demo/customers?count=0").then().statusCode(400);
    }
}
