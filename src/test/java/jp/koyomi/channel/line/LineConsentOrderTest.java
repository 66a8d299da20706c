package jp.koyomi.channel.line;

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
import jp.koyomi.delivery.WithChannels;

/** Issue 10 item 8: LINE follow/unfollow are applied by when they happened, not by when they arrive. */
@QuarkusTest
@TestProfile(WithChannels.class)
class LineConsentOrderTest {

    private static final String USER = "U0123456789abcdef0123456789ab0008";

    private static String event(String type, String eventId, long timestamp, boolean redelivery) {
        return "{\"destination\":\"Uxxxxxxxx\",\"events\":[{\"type\":\"" + type + "\",\"mode\":\"active\",\"timestamp\":"
                + timestamp + ",\"source\":{\"type\":\"user\",\"userId\":\"" + USER + "\"},\"webhookEventId\":\"" + eventId
                + "\",\"deliveryContext\":{\"isRedelivery\":" + redelivery + "}"
                + (type.equals("follow") ? ",\"replyToken\":\"r\"" : "") + "}]}";
    }

    private static void post(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WithChannels.LINE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        given().contentType("application/json").header("X-Line-Signature", signature).body(body).post("/line/webhook")
                .then().statusCode(200);
    }

    @Test
    void shouldNotGrantConsentAgainWhenAnOldFollowIsRedeliveredAfterTheUnfollow() throws Exception {
        as("marketer").contentType("text/csv").body("external_id,family_name,line_user_id\nLO-1,森," + USER + "\n")
                .post("/api/v1/imports/customers").then().statusCode(200);

        post(event("unfollow", "01HORDERUNFOLLOW0000000002", 1_700_000_200_000L, false));
        // The follow happened first, but its first delivery failed; LINE sends it again now.
        post(event("follow", "01HORDERFOLLOW000000000001", 1_700_000_100_000L, true));

        as("viewer").get("/api/v1/customers/LO-1").then().body("consents.line.granted", equalTo(false))
                .body("consents.line.source", equalTo("line-webhook"))
                .body("consents.line.changed_at", equalTo("2023-11-14T22:16:40Z"));

        // A follow after the unfollow is the customer's new opt-in.
        post(event("follow", "01HORDERFOLLOW000000000003", 1_700_000_300_000L, false));
        as("viewer").get("/api/v1/customers/LO-1").then().body("consents.line.granted", equalTo(true));
    }

    @Test
    void shouldWithdrawOnAnUnfollowThatHappenedBeforeAnImportGrantedLineConsent() throws Exception {
        String user = "U0123456789abcdef0123456789ab0009";
        as("marketer").contentType("text/csv").body("external_id,family_name,line_user_id,line_consent\nLO-2,森,"
                + user + ",true\n").post("/api/v1/imports/customers").then().statusCode(200);

        // The shop's export still said "consented"; the customer had blocked the account before it was imported.
        post(event("unfollow", "01HORDERUNFOLLOW0000000009", 1_700_000_200_000L, true).replace(USER, user));

        as("viewer").get("/api/v1/customers/LO-2").then().body("consents.line.granted", equalTo(false))
                .body("consents.line.source", equalTo("line-webhook"));
    }
}
