package jp.koyomi.delivery;

import static io.restassured.RestAssured.given;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.support.Csv;

@QuarkusTest
@TestProfile(WithChannels.class)
class LineWebhookTest {

    private static final String USER = "U0123456789abcdef0123456789abcd01";

    private static String signature(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WithChannels.LINE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String event(String type, String eventId, long timestamp) {
        return "{\"destination\":\"Uxxxxxxxx\",\"events\":[{\"type\":\"" + type + "\",\"mode\":\"active\",\"timestamp\":"
                + timestamp + ",\"source\":{\"type\":\"user\",\"userId\":\"" + USER + "\"},\"webhookEventId\":\"" + eventId
                + "\",\"deliveryContext\":{\"isRedelivery\":false}" + (type.equals("follow") ? ",\"replyToken\":\"r\"" : "")
                + "}]}";
    }

    private static int post(String body, String signature) {
        return given().contentType("application/json").header("X-Line-Signature", signature).body(body)
                .post("/line/webhook").statusCode();
    }

    @Test
    void followAndUnfollowChangeLineConsentOnceEach() throws Exception {
        as("marketer").contentType("text/csv").body("external_id,family_name,line_user_id,line_consent\nLW-1,森," + USER
                + ",false\n").post("/api/v1/imports/customers").then().statusCode(200);

        String follow = event("follow", "01HFOLLOW000000000000000001", 1700000000000L);
        org.junit.jupiter.api.Assertions.assertEquals(200, post(follow, signature(follow)));
        as("viewer").get("/api/v1/customers/LW-1").then().body("consents.line.granted", equalTo(true))
                .body("consents.line.source", equalTo("line-webhook"));

        String unfollow = event("unfollow", "01HUNFOLLOW0000000000000001", 1700000100000L);
        org.junit.jupiter.api.Assertions.assertEquals(200, post(unfollow, signature(unfollow)));
        as("viewer").get("/api/v1/customers/LW-1").then().body("consents.line.granted", equalTo(false));

        // LINE redelivers the follow: already applied, so the later unfollow stands.
        org.junit.jupiter.api.Assertions.assertEquals(200, post(follow, signature(follow)));
        as("viewer").get("/api/v1/customers/LW-1").then().body("consents.line.granted", equalTo(false));
    }

    @Test
    void anInvalidSignatureGets401WithNoDetail() throws Exception {
        String body = event("follow", "01HFORGED00000000000000001", 1700000000000L);
        given().contentType("application/json").header("X-Line-Signature", signature(body + " ")).body(body)
                .post("/line/webhook").then().statusCode(401).body(equalTo(""));
        given().contentType("application/json").body(body).post("/line/webhook").then().statusCode(401);
    }
}
