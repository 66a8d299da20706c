package jp.koyomi.customer;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.koyomi.domain.Channel;
import jp.koyomi.link.SignedLinks;
import jp.koyomi.support.Db;

/** Issue 10 item 5: a refusal the customer made stands against imports; a recorded opt-in lifts it. */
@QuarkusTest
class ConsentTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SignedLinks links;

    private static ValidatableResponse importConsent(String rows) {
        return as("marketer").contentType("text/csv").body("external_id,family_name,email,email_consent\n" + rows)
                .post("/api/v1/imports/customers").then().statusCode(200);
    }

    private long id(String externalId) throws SQLException {
        return Long.parseLong(Db.value(dataSource, "SELECT id FROM customer WHERE external_id = ?", externalId));
    }

    private void unsubscribe(String externalId) throws SQLException {
        String token = links.unsubscribeToken(id(externalId), Channel.EMAIL);
        as("viewer").post("/unsubscribe/" + token).then().statusCode(200);
    }

    private int events(String externalId, String source) throws SQLException {
        return Integer.parseInt(Db.value(dataSource, "SELECT COUNT(*) FROM consent_event WHERE customer_id = ? "
                + "AND channel = 'EMAIL' AND source = ?", id(externalId), source));
    }

    private static ValidatableResponse recordConsent(String externalId, String body) {
        return as("marketer").contentType("application/json").body(body)
                .post("/api/v1/customers/" + externalId + "/consents").then();
    }

    @Test
    void shouldKeepAnUnsubscribedCustomerRefusedWhenANightlyImportSaysEmailConsentTrue() throws SQLException {
        importConsent("CN-1,青木,cn1@example.jp,true\nCN-2,森,cn2@example.jp,true\n").body("created", equalTo(2));
        unsubscribe("CN-1");

        importConsent("CN-1,青木,cn1@example.jp,true\nCN-2,森,cn2@example.jp,true\nCN-3,林,cn3@example.jp,true\n")
                .body("created", equalTo(1)).body("updated", equalTo(2)).body("kept_refused", equalTo(1));

        as("viewer").get("/api/v1/customers/CN-1").then().body("consents.email.granted", equalTo(false))
                .body("consents.email.source", equalTo("unsubscribe"));
        as("viewer").get("/api/v1/customers/CN-2").then().body("consents.email.granted", equalTo(true));
        assertEquals(1, events("CN-1", "import"), "only the first import granted; the second changed nothing");
        assertEquals(1, events("CN-1", "unsubscribe"));
    }

    @Test
    void shouldLetAnImportGrantAgainWhatOnlyAnImportWithdrew() {
        importConsent("CN-10,青木,cn10@example.jp,true\n");
        importConsent("CN-10,青木,cn10@example.jp,false\n").body("kept_refused", equalTo(0));
        importConsent("CN-10,青木,cn10@example.jp,true\n").body("kept_refused", equalTo(0));
        as("viewer").get("/api/v1/customers/CN-10").then().body("consents.email.granted", equalTo(true))
                .body("consents.email.source", equalTo("import"));
    }

    @Test
    void shouldRecordAGenuineNewOptInWithItsTimeAndSourceAfterAnUnsubscribe() throws SQLException {
        importConsent("CN-20,青木,cn20@example.jp,true\n");
        unsubscribe("CN-20");
        // After the unsubscribe, so this opt-in is the newer word; given in Japan time, stored as that instant.
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.MICROS);
        recordConsent("CN-20", "{\"channel\":\"EMAIL\",\"granted\":true,\"source\":\"web-form\",\"at\":\"" + at + "\"}")
                .statusCode(200).body("consents.email.granted", equalTo(true))
                .body("consents.email.source", equalTo("web-form"));
        assertEquals("1", Db.value(dataSource, "SELECT COUNT(*) FROM consent_event WHERE customer_id = ? "
                + "AND source = 'web-form' AND granted = TRUE AND changed_at = ?", id("CN-20"), at));

        importConsent("CN-20,青木,cn20@example.jp,true\n").body("kept_refused", equalTo(0));
        as("viewer").get("/api/v1/customers/CN-20").then().body("consents.email.granted", equalTo(true));
        as("viewer").get("/api/v1/customers/CN-20").then().body("consents.email.source", equalTo("web-form"));
    }

    @Test
    void shouldRefuseAnOptInGivenBeforeTheWithdrawalThatFollowedIt() throws SQLException {
        importConsent("CN-30,青木,cn30@example.jp,true\n");
        unsubscribe("CN-30");
        String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        recordConsent("CN-30", "{\"channel\":\"email\",\"granted\":true,\"source\":\"paper-form\",\"at\":\"" + yesterday
                + "\"}").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("withdrawn")).body("detail", containsString("unsubscribe"));
        as("viewer").get("/api/v1/customers/CN-30").then().body("consents.email.granted", equalTo(false));
        assertEquals(0, events("CN-30", "paper-form"));

        // A withdrawal the customer asked for stands against imports like an unsubscribe does.
        importConsent("CN-31,青木,cn31@example.jp,true\n");
        recordConsent("CN-31", "{\"channel\":\"EMAIL\",\"granted\":false,\"source\":\"customer-request\"}").statusCode(200);
        importConsent("CN-31,青木,cn31@example.jp,true\n").body("kept_refused", equalTo(1));
    }

    @Test
    void shouldRefuseABadConsentChangeNamingEachField() {
        importConsent("CN-40,青木,cn40@example.jp,false\n");
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        recordConsent("CN-40", "{\"channel\":\"FAX\",\"source\":\"import\",\"at\":\"" + future + "\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("channel", "granted", "source", "at"));
        recordConsent("CN-40", "{\"channel\":\"EMAIL\",\"granted\":true,\"source\":\"Web Form\"}").statusCode(400)
                .body("errors[0].field", equalTo("source"));
        recordConsent("NO-SUCH", "{\"channel\":\"EMAIL\",\"granted\":true,\"source\":\"web-form\"}").statusCode(404);
        as("viewer").contentType("application/json").body("{\"channel\":\"EMAIL\",\"granted\":true,\"source\":\"web\"}")
                .post("/api/v1/customers/CN-40/consents").then().statusCode(403);
        as("viewer").get("/api/v1/customers/CN-40").then().body("consents.email.granted", equalTo(false))
                .body("consents.email.source", nullValue());
    }
}
