package jp.koyomi.delivery;

import static io.restassured.RestAssured.given;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bodies nobody but an attacker or a broken proxy sends to the open LINE webhook: each gets a clear
 * 4xx, no event is recorded, no consent changes, and the server stays healthy.
 */
@QuarkusTest
@TestProfile(WithChannels.class)
class HostileWebhookBodiesTest {

    private static final String USER = "U0123456789abcdef0123456789abcd99";

    @Inject
    AgroalDataSource dataSource;

    /** Events other tests of this application recorded: only new ones count against a hostile body. */
    private int eventsBefore;

    @BeforeEach
    void customerWithoutLineConsent() throws Exception {
        eventsBefore = events();
        as("marketer").contentType("text/csv").body("external_id,family_name,line_user_id,line_consent\nHW-1,森," + USER
                + ",false\n").post("/api/v1/imports/customers").then().statusCode(200);
    }

    private static String signature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WithChannels.LINE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static String follow() {
        return "{\"destination\":\"Uxxxxxxxx\",\"events\":[{\"type\":\"follow\",\"mode\":\"active\",\"timestamp\":"
                + "1700000000000,\"source\":{\"type\":\"user\",\"userId\":\"" + USER + "\"},\"webhookEventId\":"
                + "\"01HHOSTILE0000000000000001\",\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"r\"}]}";
    }

    private int post(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header("X-Line-Signature", signature);
        }
        return request.post("/line/webhook").statusCode();
    }

    private int events() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM line_webhook_event")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void assertNothingStored() throws Exception {
        assertEquals(eventsBefore, events(), "webhook events recorded from a hostile body");
        as("viewer").get("/api/v1/customers/HW-1").then().body("consents.line.granted", equalTo(false));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldAnswer400ToSignedInvalidJson() throws Exception {
        byte[] body = "{\"destination\":\"U\",\"events\":[{\"type\":\"follow\",".getBytes(StandardCharsets.UTF_8);
        assertEquals(400, post(body, signature(body)));
        assertNothingStored();
    }

    @Test
    void shouldAnswer400ToSignedJsonThatIsNoCallback() throws Exception {
        for (String json : new String[] { "[]", "\"follow\"", "{\"events\":\"follow\"}", "{\"events\":[42]}" }) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            int status = post(body, signature(body));
            assertTrue(status == 400, json + " answered " + status);
        }
        assertNothingStored();
    }

    @Test
    void shouldAnswer400ToSignedJsonNestedTenThousandDeep() throws Exception {
        byte[] body = ("{\"destination\":\"U\",\"events\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(400, post(body, signature(body)));
        assertNothingStored();
    }

    @Test
    void shouldAnswer401ToAWrongOrMissingSignature() throws Exception {
        byte[] body = follow().getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post(body, signature("{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(401, post(body, "not base64 at all!"));
        assertEquals(401, post(body, ""));
        assertEquals(401, post(body, null));
        assertNothingStored();
    }

    @Test
    void shouldRefuseAHugeForgedBodyWith413() throws Exception {
        byte[] body = ("{\"destination\":\"U\",\"events\":[],\"pad\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // Open endpoints take 1 MB: the body is refused before it is read, let alone verified.
        assertEquals(413, post(body, "AAAA"));
        assertNothingStored();
    }
}
