package jp.koyomi.order;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Csv;

/**
 * A file longer than a batch (500 rows on H2, 10,000 on PostgreSQL): rows are checked against the
 * first rows of earlier batches, which the import keeps in the database, not in the heap.
 */
@QuarkusTest
class OrderFileAcrossBatchesTest {

    private static final int ORDERS = 10_001;
    private static final String AT = "2025-01-01T10:00:00+09:00";

    private static List<String> oneLineOrders(String customer) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            rows.add(Csv.order("OB-" + customer + "-" + i, customer, AT, "OB-J1-M"));
        }
        return rows;
    }

    private static void setUp(String... customers) {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("OB-J1", "jeans", "OB-J1-M", "M", 3), Csv.product("OB-J1", "jeans", "OB-J1-L", "L", 3)))
                .post("/api/v1/imports/products").then()
                .statusCode(200);
        for (String customer : customers) {
            as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, Csv.customer(customer, "150-0001")))
                    .post("/api/v1/imports/customers").then().statusCode(200);
        }
    }

    private static String file(List<String> rows) {
        return Csv.of(Csv.ORDER_HEADER, rows.toArray(String[]::new));
    }

    @Test
    void shouldNameTheFirstRowOfAnEarlierBatchWhenALaterRowRepeatsOrContradictsIt() {
        setUp("OB-C1", "OB-C2");
        List<String> rows = oneLineOrders("OB-C1");
        rows.add(Csv.order("OB-OB-C1-1", "OB-C1", AT, "OB-J1-M"));
        rows.add(Csv.order("OB-OB-C1-2", "OB-C2", AT, "OB-J1-L"));
        rows.add(Csv.order("OB-OB-C1-3", "OB-C1", "2025-01-02T10:00:00+09:00", "OB-J1-L"));
        as("marketer").contentType("text/csv").body(file(rows)).post("/api/v1/imports/orders").then().statusCode(400)
                .body("errors.row", contains(ORDERS + 1, ORDERS + 2, ORDERS + 3))
                .body("errors.field", contains("sku", "customer_external_id", "ordered_at"))
                .body("errors[0].message", equalTo("duplicate key OB-OB-C1-1 + OB-J1-M: row 1 of this file has it already"))
                .body("errors[1].message", equalTo("order OB-OB-C1-2 belongs to OB-C1 on row 2"))
                .body("errors[2].message", equalTo("order OB-OB-C1-3 was placed at 2025-01-01T10:00+09:00 on row 3"));
        as("viewer").get("/api/v1/customers/OB-C1").then().body("sizes.jeans", nullValue());
    }

    @Test
    void shouldImportALongCleanFileAgainAfterARejectedOneLeftNoKeysBehind() {
        setUp("OB-C3");
        List<String> rows = oneLineOrders("OB-C3");
        List<String> rejected = new ArrayList<>(rows);
        rejected.add(rows.get(0));
        as("marketer").contentType("text/csv").body(file(rejected)).post("/api/v1/imports/orders").then()
                .statusCode(400).body("errors.row", contains(ORDERS + 1));

        as("marketer").contentType("text/csv").body(file(rows)).post("/api/v1/imports/orders").then().statusCode(200)
                .body("created", equalTo(ORDERS)).body("updated", equalTo(0));
        as("viewer").get("/api/v1/customers/OB-C3").then().body("sizes.jeans", equalTo("M"));
    }
}
