package jp.koyomi.demo;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoLoadTest.WithDemo.class)
class DemoLoadTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Clock clock;

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

    /**
     * On PostgreSQL the demo customers are COPYed straight into their tables, on H2 they go through
     * the importers: either way a customer is stored as an import of its rows would store it.
     */
    @Test
    void shouldStoreAGeneratedCustomerAsAnImportOfItsRowsWould() throws SQLException {
        int i = 7;
        DemoBrand brand = new DemoBrand(LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))));
        Map<String, String> cells = brand.customer(i);
        List<Map<String, String>> lines = brand.orders(i);
        long granted = Stream.of("email", "line", "postal").filter(c -> cells.get(c + "_consent").equals("true")).count();
        try (Connection c = db.getConnection()) {
            assertEquals(List.of(cells.get("postal_code").replace("-", ""), cells.get("prefecture"),
                    cells.get("email_consent").equals("true") ? "yes" : "no", cells.get("email_consent").equals("true") ? "import" : "-"),
                    row(c, "SELECT postal_code, LPAD(CAST(prefecture_code AS VARCHAR), 2, '0'), CASE WHEN email_consent THEN 'yes' ELSE 'no' END, "
                            + "COALESCE(email_consent_source, '-') FROM customer WHERE external_id = ?", DemoBrand.externalId(i)));
            assertEquals(List.of(Long.toString(granted)), row(c, "SELECT COUNT(*) FROM consent_event e JOIN customer c "
                    + "ON c.id = e.customer_id WHERE c.external_id = ? AND e.granted AND e.source = 'import'", DemoBrand.externalId(i)));
            assertEquals(List.of(Integer.toString(lines.size()), Long.toString(lines.stream().map(l -> l.get("order_id")).distinct().count())),
                    row(c, "SELECT COUNT(*), COUNT(DISTINCT o.id) FROM order_line l JOIN customer_order o ON o.id = l.order_id "
                            + "JOIN customer c ON c.id = o.customer_id WHERE c.external_id = ?", DemoBrand.externalId(i)));
            long styles = lines.stream().map(l -> l.get("sku").substring(0, l.get("sku").lastIndexOf('-'))).distinct().count();
            assertEquals(List.of(Long.toString(styles), Integer.toString(lines.size())), row(c, "SELECT COUNT(*), SUM(purchase_count) "
                    + "FROM customer_style s JOIN customer c ON c.id = s.customer_id WHERE c.external_id = ?", DemoBrand.externalId(i)));
        }
    }

    private static List<String> row(Connection c, String sql, String externalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, externalId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                List<String> values = new java.util.ArrayList<>();
                for (int n = 1; n <= rs.getMetaData().getColumnCount(); n++) {
                    values.add(rs.getString(n));
                }
                return values;
            }
        }
    }

    @Test
    void shouldGenerateMoreCustomersOnDemandForAdmins() {
        as("admin").post("/api/v1/admin/demo/customers?count=20").then().statusCode(200).body("created", equalTo(20));
        as("viewer").get("/api/v1/customers/" + DemoBrand.externalId(320)).then().statusCode(200);
        as("admin").post("/api/v1/admin/demo/customers?count=0").then().statusCode(400);
    }
}
