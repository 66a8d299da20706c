package jp.koyomi.delivery;

import static io.restassured.RestAssured.given;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

@QuarkusTest
@TestProfile(WithChannels.class)
class EmailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(WithChannels.SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    OutboxDrainer drainer;

    @Inject
    Messengers messengers;

    @Inject
    AgroalDataSource dataSource;

    private Messenger email() {
        return messengers.of(Channel.EMAIL);
    }

    private String status(long deliveryId) throws SQLException {
        return Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", deliveryId);
    }

    private static String part(MimeMessage message, String type) throws Exception {
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void shouldSendThroughSmtpWithOneClickUnsubscribeThatTakesEffectBeforeTheNextSend() throws Exception {
        long customer = Db.customer(dataSource, "ED-1");
        long first = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, Instant.now().minusSeconds(1));
        drainer.drainBatch(email());
        assertEquals("SENT", status(first));

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("hina.ed-1@example.jp", received.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post")[0]);
        String unsubscribe = received.getHeader("List-Unsubscribe")[0].replaceAll(".*<(http[^>]+)>.*", "$1");
        assertTrue(part(received, "text/plain").contains("株式会社こよみアパレル"), "legal footer in the text part");
        assertTrue(part(received, "text/html").contains("株式会社こよみアパレル"), "legal footer in the HTML part");

        String path = URI.create(unsubscribe).getPath();
        given().get(path).then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click").post(path)
                .then().statusCode(200);
        as("viewer").get("/api/v1/customers/ED-1").then().body("consents.email.granted", equalTo(false))
                .body("consents.email.source", equalTo("unsubscribe"));

        long next = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, Instant.now().minusSeconds(1));
        drainer.drainBatch(email());
        assertEquals("SKIPPED", status(next), "consent withdrawn after the run still stops the send");
        assertEquals(1, smtp.getReceivedMessages().length);

        String metrics = as("viewer").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("koyomi_smtp_connections{state=\"in_use\"} 0.0"), "no send holds a connection now");
        assertTrue(metrics.contains("koyomi_smtp_connections{state=\"idle\"} 1.0"), "the send's connection waits in the pool");
    }

    @Test
    void shouldRefuseAForgedOrAlteredUnsubscribeToken() {
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe/forged-token").then().statusCode(400);
        given().get("/click/also-forged").then().statusCode(400);
    }
}
