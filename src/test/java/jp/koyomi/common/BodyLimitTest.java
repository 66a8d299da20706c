package jp.koyomi.common;

import static io.restassured.RestAssured.given;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BodyLimitTest {

    private static final int TWO_MB = 2 * 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }

    @Test
    void theLineWebhookRefusesABodyOverOneMegabyteWithProblemJson() {
        given().contentType("application/json").header("X-Line-Signature", "x").body(bytes(TWO_MB))
                .post("/line/webhook").then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(413)).body("detail", containsString("1048576 bytes"));
    }

    @Test
    void unsubscribeRefusesABodyOverOneMegabyte() {
        given().contentType("application/x-www-form-urlencoded").body("a".repeat(TWO_MB)).post("/unsubscribe/some-token")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aSmallOpenRequestStillPasses() {
        // No LINE channel secret in the test profile: the webhook answers its bare 401 after the body is read.
        given().contentType("application/json").header("X-Line-Signature", "x").body("{\"events\":[]}")
                .post("/line/webhook").then().statusCode(401);
    }

    @Test
    void aChunkedBodyWithoutLengthIsCutOffAtTheSameLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/line/webhook")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Line-Signature", "x")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(TWO_MB)))).build();
        try {
            assertEquals(413, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException closedWhileSending) {
            // The server answers 413 and closes the connection; the client may notice the close first.
        }
        aSmallOpenRequestStillPasses();
    }

    @Test
    void theApiOutsideImportsRefusesBodiesOverTenMegabytes() {
        as("marketer").contentType("application/json").body(bytes(11 * 1024 * 1024))
                .post("/api/v1/templates/big/EMAIL/versions").then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void importsKeepTheLargeLimit() {
        byte[] csv = bytes(TWO_MB);
        byte[] header = "external_id,family_name\nX-1,".getBytes();
        System.arraycopy(header, 0, csv, 0, header.length);
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then()
                .statusCode(not(413));
    }
}
