package jp.koyomi.imports;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Csv;

@QuarkusTest
class CustomerImportTest {

    private static void importCsv(String csv) {
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().log().ifValidationFails()
                .statusCode(200);
    }

    private static int customerStatus(String id) {
        return as("viewer").get("/api/v1/customers/" + id).statusCode();
    }

    @Test
    void shouldRejectWholeFileAndNameRowAndFieldWhenOneRowIsBad() {
        String bad = Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("CI-1", "150-0001"), Csv.customer("CI-2", "150-0002"),
                Csv.customer("CI-3", "9999"));
        as("marketer").contentType("text/csv").body(bad).post("/api/v1/imports/customers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("postal_code"))
                .body("errors[0].message", containsString("9999"));
        assertEquals(404, customerStatus("CI-1"), "no row of a rejected import may be stored");

        String corrected = bad.replace(",9999,", ",150-0003,");
        as("marketer").contentType("text/csv").body(corrected).post("/api/v1/imports/customers").then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(0));
        as("viewer").get("/api/v1/customers/CI-3").then().statusCode(200).body("postal_code", equalTo("150-0003"));
    }

    @Test
    void shouldListEveryBadRowOfAFile() {
        String csv = Csv.of(Csv.CUSTOMER_HEADER,
                "CI-10,,陽菜,,,not-an-email,,150-0001,99,,,,1990-13-01,yes,false,false,FAX,,-5,",
                Csv.customer("CI-11", "150-0001"));
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .body("errors.field", allOf(hasItem("family_name"), hasItem("email"), hasItem("prefecture"),
                        hasItem("birthday"), hasItem("email_consent"), hasItem("preferred_channel"), hasItem("points")))
                .body("errors.row", everyItem(equalTo(1)));
        assertEquals(404, customerStatus("CI-11"));
    }

    @Test
    void shouldRejectDuplicateKeysInOneFile() {
        String csv = Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("CI-20", "150-0001"), Csv.customer("CI-20", "150-0002"));
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("external_id"));
    }

    @Test
    void shouldRejectUnknownColumnInHeader() {
        String csv = "external_id,family_name,postalcode\nCI-30,森,150-0001\n";
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .body("errors[0].row", equalTo(0)).body("errors[0].field", equalTo("postalcode"));
    }

    @Test
    void shouldAcceptPrefectureNamesFullWidthPostalCodesAndQuotedCells() {
        String csv = "external_id,family_name,postal_code,prefecture,city,address2\n"
                + "CI-40,森,０１０－０００１,秋田県,秋田市中通,\"メゾン \"\"北\"\", 201\"\n"
                + "CI-41,林,0600001,北海道,札幌市中央区北一条西,\n"
                + "CI-42,原,9000015,沖縄,那覇市久茂地,\n";
        importCsv(csv);
        as("viewer").get("/api/v1/customers/CI-40").then().statusCode(200).body("postal_code", equalTo("010-0001"))
                .body("prefecture.code", equalTo(5)).body("address2", equalTo("メゾン \"北\", 201"));
        as("viewer").get("/api/v1/customers/CI-42").then().body("prefecture.name", equalTo("沖縄県"));
    }

    @Test
    void shouldImportJsonArrays() {
        String json = "[{\"external_id\":\"CI-50\",\"family_name\":\"森\",\"line_user_id\":\"U0123456789abcdef0123456789abcdef\","
                + "\"line_consent\":true,\"topics\":[\"styling\",\"sale\"],\"points\":1200}]";
        as("marketer").contentType("application/json").body(json).post("/api/v1/imports/customers").then()
                .statusCode(200).body("created", equalTo(1));
        as("viewer").get("/api/v1/customers/CI-50").then().body("topics", hasSize(2)).body("points", equalTo(1200))
                .body("consents.line.granted", equalTo(true));
    }

    @Test
    void shouldNameRowAndFieldOfBadJsonRow() {
        String json = "[{\"external_id\":\"CI-60\",\"family_name\":\"森\"},{\"external_id\":\"CI-61\",\"family_name\":\"林\","
                + "\"birthday\":\"yesterday\"}]";
        as("marketer").contentType("application/json").body(json).post("/api/v1/imports/customers").then()
                .statusCode(400).body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("birthday"));
        assertEquals(404, customerStatus("CI-60"));
    }

    @Test
    void shouldRecordConsentChangesWithSourceImportAndKeepAbsentColumns() {
        importCsv(Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("CI-70", "150-0001")));
        as("viewer").get("/api/v1/customers/CI-70").then().body("consents.email.granted", equalTo(true))
                .body("consents.email.source", equalTo("import"));

        // A file without the address columns withdraws email consent and leaves the address alone.
        as("marketer").contentType("text/csv").body("external_id,family_name,email_consent\nCI-70,青木,false\n")
                .post("/api/v1/imports/customers").then().statusCode(200).body("updated", equalTo(1));
        as("viewer").get("/api/v1/customers/CI-70").then().body("consents.email.granted", equalTo(false))
                .body("consents.email.source", equalTo("import")).body("postal_code", equalTo("150-0001"))
                .body("topics", hasItem("new-arrivals"));
    }

    @Test
    void shouldReportMalformedCsvWithItsRow() {
        String csv = "external_id,family_name\nCI-80,森\nCI-81,\"unterminated\n";
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .body("errors[0].row", equalTo(2));
        assertEquals(404, customerStatus("CI-80"));
    }

    @Test
    void shouldPageCustomersByKeyset() {
        importCsv(Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("CI-P1", "150-0001"), Csv.customer("CI-P2", "150-0001"),
                Csv.customer("CI-P3", "150-0001")));
        String next = as("viewer").get("/api/v1/customers?limit=2&after=CI-P0").then().statusCode(200)
                .body("items.external_id", org.hamcrest.Matchers.contains("CI-P1", "CI-P2")).extract().path("next_after");
        as("viewer").get("/api/v1/customers?limit=2&after=" + next).then()
                .body("items[0].external_id", equalTo("CI-P3"));
        as("viewer").get("/api/v1/customers?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
