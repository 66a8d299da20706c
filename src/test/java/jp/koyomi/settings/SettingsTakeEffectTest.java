package jp.koyomi.settings;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.delivery.Messengers;
import jp.koyomi.delivery.OutboxDrainer;
import jp.koyomi.delivery.WithChannels;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

/** With a real SMTP server (GreenMail): saved settings reach the next email at once, and the status page sees the server. */
@QuarkusTest
@TestProfile(WithChannels.class)
class SettingsTakeEffectTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(WithChannels.SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    OutboxDrainer drainer;

    @Inject
    Messengers messengers;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToDefaults() {
        as("admin").contentType("application/json").body("{}").put("/api/v1/settings").then().statusCode(200);
    }

    @Test
    void shouldSendTheNextEmailWithTheSenderAndFooterAnAdminJustSaved() throws Exception {
        as("admin").contentType("application/json").body("{\"sender\": {\"from_name\": \"暦ストア札幌\", "
                + "\"from_address\": \"hello@sapporo.example.jp\", \"reply_to\": \"desk@sapporo.example.jp\"}, "
                + "\"legal_footer\": {\"legal_name\": \"株式会社暦 札幌支店\", \"postal_address\": \"北海道札幌市中央区北1条西1丁目\", "
                + "\"contact\": \"011-000-0000\"}}").put("/api/v1/settings").then().statusCode(200);

        long customer = Db.customer(dataSource, "SET-MAIL-1");
        long delivery = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, Instant.now().minusSeconds(1));
        drainer.drainBatch(messengers.of(Channel.EMAIL));
        if (Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", delivery).equals("PENDING")) {
            // An earlier test's GreenMail was stopped under a pooled connection: the pool dropped it
            // on that failure, so the retry (made due now) goes over a fresh one.
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE delivery SET next_attempt_at = ? WHERE id = ?")) {
                s.setObject(1, Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC));
                s.setLong(2, delivery);
                s.executeUpdate();
            }
            drainer.drainBatch(messengers.of(Channel.EMAIL));
        }
        assertEquals("SENT", Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", delivery));

        MimeMessage received = smtp.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("hello@sapporo.example.jp", from.getAddress());
        assertEquals("暦ストア札幌", from.getPersonal());
        assertEquals("desk@sapporo.example.jp", ((InternetAddress) received.getReplyTo()[0]).getAddress());
        assertTrue(part(received, "text/plain").contains("株式会社暦 札幌支店"), "the new legal name in the footer");
        assertTrue(part(received, "text/plain").contains("011-000-0000"), "the new contact in the footer");
    }

    @Test
    void shouldFindTheSmtpServerReachable() {
        as("viewer").get("/api/v1/settings/channels").then().statusCode(200)
                .body("channels.state", contains("OK", "FILE_OUTBOX"))
                .body("channels[0].target", equalTo("127.0.0.1:" + WithChannels.SMTP_PORT));
        assertEquals(0, smtp.getReceivedMessages().length, "the check sends nothing");
    }

    @Test
    void shouldFindTheSmtpServerFailingWhenItIsDown() {
        smtp.stop();
        as("viewer").get("/api/v1/settings/channels").then().statusCode(200)
                .body("channels[0].state", equalTo("FAILING"));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
