package jp.koyomi.order;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Csv;

@QuarkusTest
class SizeDerivationTest {

    private static boolean catalogLoaded;

    @BeforeEach
    void catalog() {
        if (catalogLoaded) {
            return;
        }
        catalogLoaded = true;
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("SD-J1", "jeans", "SD-J1-M", "M", 3), Csv.product("SD-J1", "jeans", "SD-J1-L", "L", 3),
                Csv.product("SD-J2", "jeans", "SD-J2-S", "S", 3), Csv.product("SD-H1", "hats", "SD-H1-F", "", 3)))
                .post("/api/v1/imports/products").then().statusCode(200);
    }

    private static void customer(String id) {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, Csv.customer(id, "150-0001")))
                .post("/api/v1/imports/customers").then().statusCode(200);
    }

    private static void orders(String... rows) {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.ORDER_HEADER, rows)).post("/api/v1/imports/orders")
                .then().statusCode(200);
    }

    @Test
    void shouldDeriveTheSizeBoughtMostOftenAcrossStylesOfACategory() {
        customer("SD-C1");
        orders(Csv.order("SD-O1", "SD-C1", "2025-01-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O2", "SD-C1", "2025-02-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O3", "SD-C1", "2025-06-01T10:00:00+09:00", "SD-J2-S"));
        as("viewer").get("/api/v1/customers/SD-C1").then().body("sizes.jeans", equalTo("M"));
    }

    @Test
    void shouldGiveATieToTheSizeBoughtMostRecently() {
        customer("SD-C2");
        orders(Csv.order("SD-O10", "SD-C2", "2025-08-01T10:00:00+09:00", "SD-J1-L"),
                Csv.order("SD-O11", "SD-C2", "2025-04-01T10:00:00+09:00", "SD-J1-M"));
        as("viewer").get("/api/v1/customers/SD-C2").then().body("sizes.jeans", equalTo("L"));
    }

    @Test
    void shouldKeepSizesCurrentAsLaterImportsArriveWithoutDoubleCountingReimports() {
        customer("SD-C3");
        String first = Csv.order("SD-O20", "SD-C3", "2025-01-01T10:00:00+09:00", "SD-J1-M");
        orders(first, Csv.order("SD-O21", "SD-C3", "2025-01-02T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O22", "SD-C3", "2025-01-03T10:00:00+09:00", "SD-J1-L"));
        // The same lines again (an upsert) plus one new L: still M 2 against L 2, and L is the most recent.
        orders(first, Csv.order("SD-O23", "SD-C3", "2025-03-01T10:00:00+09:00", "SD-J1-L"));
        as("viewer").get("/api/v1/customers/SD-C3").then().body("sizes.jeans", equalTo("L"));
    }

    @Test
    void shouldIgnoreOneSizeItemsWhenDerivingSizes() {
        customer("SD-C4");
        orders(Csv.order("SD-O30", "SD-C4", "2025-01-01T10:00:00+09:00", "SD-H1-F"));
        as("viewer").get("/api/v1/customers/SD-C4").then().body("sizes.hats", nullValue());
    }

    @Test
    void shouldRejectOrdersForUnknownCustomersAndSkusNamingTheRow() {
        customer("SD-C5");
        as("marketer").contentType("text/csv").body(Csv.of(Csv.ORDER_HEADER,
                Csv.order("SD-O40", "SD-C5", "2025-01-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O41", "SD-NOBODY", "2025-01-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O42", "SD-C5", "2025-01-01T10:00:00+09:00", "NO-SUCH-SKU")))
                .post("/api/v1/imports/orders").then().statusCode(400)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("customer_external_id"))
                .body("errors[1].row", equalTo(3)).body("errors[1].field", equalTo("sku"));
        as("viewer").get("/api/v1/customers/SD-C5").then().body("sizes.jeans", nullValue());
    }

    @Test
    void shouldRejectAnOrderAlreadyStoredForAnotherCustomerNamingTheRow() {
        customer("SD-C8");
        customer("SD-C9");
        orders(Csv.order("SD-O60", "SD-C8", "2025-01-01T10:00:00+09:00", "SD-J1-M"));
        as("marketer").contentType("text/csv").body(Csv.of(Csv.ORDER_HEADER,
                Csv.order("SD-O61", "SD-C9", "2025-01-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O60", "SD-C9", "2025-01-01T10:00:00+09:00", "SD-J1-L")))
                .post("/api/v1/imports/orders").then().statusCode(400)
                .body("errors.size()", equalTo(1)).body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("customer_external_id"))
                .body("errors[0].message", equalTo("order SD-O60 is already stored for another customer"));
        // Rolled back whole: the clean first row left nothing either.
        as("viewer").get("/api/v1/customers/SD-C9").then().body("sizes.jeans", nullValue());
    }

    @Test
    void shouldCountTheLinesCreatedAndThoseUpdated() {
        customer("SD-C10");
        String first = Csv.order("SD-O70", "SD-C10", "2025-01-01T10:00:00+09:00", "SD-J1-M");
        orders(first);
        as("marketer").contentType("text/csv").body(Csv.of(Csv.ORDER_HEADER, first,
                Csv.order("SD-O70", "SD-C10", "2025-01-01T10:00:00+09:00", "SD-J1-L"),
                Csv.order("SD-O71", "SD-C10", "2025-01-05T10:00:00+09:00", "SD-J2-S")))
                .post("/api/v1/imports/orders").then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(1));
    }

    @Test
    void shouldRejectAnOrderWhoseRowsDisagreeOnItsCustomer() {
        customer("SD-C6");
        customer("SD-C7");
        as("marketer").contentType("text/csv").body(Csv.of(Csv.ORDER_HEADER,
                Csv.order("SD-O50", "SD-C6", "2025-01-01T10:00:00+09:00", "SD-J1-M"),
                Csv.order("SD-O50", "SD-C7", "2025-01-01T10:00:00+09:00", "SD-J1-L")))
                .post("/api/v1/imports/orders").then().statusCode(400)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("customer_external_id"));
    }

    @Test
    void shouldRejectProductRowsOfOneStyleThatDisagree() {
        String csv = Csv.of(Csv.PRODUCT_HEADER, Csv.product("SD-X1", "jeans", "SD-X1-M", "M", 1),
                Csv.product("SD-X1", "shirts", "SD-X1-L", "L", 1));
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/products").then().statusCode(400)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("category"));
    }
}
