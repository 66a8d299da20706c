package jp.koyomi.preview;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.Messengers;
import jp.koyomi.delivery.OutboxDrainer;
import jp.koyomi.delivery.WithChannels;
import jp.koyomi.domain.Channel;
import jp.koyomi.link.SignedLinks;
import jp.koyomi.link.UnsubscribeToken;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;
import jp.koyomi.support.TestUsers;
import jp.koyomi.template.RenderedMessage;

/**
 * A preview is what a send produces: the same message the SMTP server (GreenMail) and the LINE file
 * outbox receive, footer, unsubscribe link and headers included; the printer's row as exported.
 */
@QuarkusTest
@TestProfile(WithChannels.class)
class PreviewTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(WithChannels.SMTP_PORT, "127.0.0.1", "smtp"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxDrainer drainer;

    @Inject
    Messengers messengers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SignedLinks links;

    @Inject
    ChannelsConfig channels;

    private static JsonPath preview(String body) {
        return as("marketer").contentType("application/json").body(body).post("/api/v1/templates/preview").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private static String email(String subject, String html, String text) {
        return "{\"subject\":\"" + subject + "\",\"html\":\"" + html + "\",\"text\":\"" + text + "\"}";
    }

    /** A PENDING delivery, due now, carrying what a run would have rendered for the customer. */
    private long pending(long customerId, Channel channel, RenderedMessage content) throws SQLException {
        return Db.pendingDelivery(dataSource, customerId, channel, content, Instant.now().minusSeconds(1));
    }

    /**
     * Drains the channel until the delivery is sent, at most three batches: the first attempt may meet
     * a pooled SMTP connection to the GreenMail of a test class that has finished (a broken pipe, retried).
     */
    private void send(long delivery, Channel channel) throws SQLException {
        for (int batch = 0; batch < 3 && "PENDING".equals(Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?",
                delivery)); batch++) {
            Runs.update(dataSource, "UPDATE delivery SET next_attempt_at = ? WHERE id = ?",
                    OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), delivery);
            drainer.drainBatch(messengers.of(channel));
        }
        assertEquals("SENT", Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", delivery));
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

    /** Checks the link is signed for the customer's email, and returns the text with it replaced by a placeholder. */
    private String withVerifiedLink(String text, String link, long customerId) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        UnsubscribeToken verified = links.verifyUnsubscribe(token).orElseThrow(() -> new AssertionError("forged: " + link));
        assertEquals(customerId, verified.customerId());
        assertEquals(Channel.EMAIL, verified.channel());
        return text.replace(link, "<unsubscribe>").replace(token, "<token>");
    }

    @Test
    void shouldPreviewForACustomerTheEmailGreenMailReceivesFooterAndUnsubscribeLinkIncluded() throws Exception {
        long customer = Db.customer(dataSource, "PV-MAIL");
        long delivery = pending(customer, Channel.EMAIL,
                new RenderedMessage.Email("青木様へ冬のおすすめ", "<p>青木様、こんにちは</p>", "青木様、こんにちは"));
        send(delivery, Channel.EMAIL);
        MimeMessage received = smtp.getReceivedMessages()[0];

        JsonPath shown = preview("{\"channel\":\"EMAIL\",\"customer_external_id\":\"PV-MAIL\",\"source\":"
                + email("${customer.familyName}様へ冬のおすすめ", "<p>${customer.familyName}様、こんにちは</p>",
                        "${customer.familyName}様、こんにちは") + "}");

        assertEquals("PV-MAIL", shown.getString("recipient.customer_external_id"));
        assertEquals(true, shown.getBoolean("recipient.consented"));
        assertEquals(received.getSubject(), shown.getString("subject"));
        assertEquals(((InternetAddress) received.getFrom()[0]).toUnicodeString(), shown.getString("from"));
        assertEquals(((InternetAddress) received.getAllRecipients()[0]).toUnicodeString(), shown.getString("to"));
        assertEquals("List-Unsubscribe=One-Click", shown.getString("list_unsubscribe_post"));
        String sentLink = MimeUtility.unfold(received.getHeader("List-Unsubscribe")[0]).replaceAll(".*<(http[^>]+)>.*", "$1");
        String shownLink = shown.getString("unsubscribe_url");
        assertEquals("<" + shownLink + ">", shown.getString("list_unsubscribe"));
        assertTrue(shown.getString("text").contains("株式会社こよみアパレル") && shown.getString("text").contains(shownLink),
                "the legal footer and the unsubscribe link are in the preview's text part");
        assertTrue(shown.getString("html").contains("株式会社こよみアパレル"), "the legal footer is in the preview's HTML");
        // Links carry the second they were signed in; apart from that the preview is the message.
        assertEquals(withVerifiedLink(part(received, "text/plain"), sentLink, customer),
                withVerifiedLink(shown.getString("text"), shownLink, customer));
        assertEquals(withVerifiedLink(part(received, "text/html"), sentLink, customer),
                withVerifiedLink(shown.getString("html"), shownLink, customer));
        TestUsers.anonymous().get(URI.create(shownLink).getPath()).then().statusCode(200);
    }

    @Test
    void shouldPreviewTheSampleCustomerWithTheFooterAndASignedLinkThatNamesNoCustomer() {
        JsonPath shown = preview("{\"channel\":\"EMAIL\",\"source\":" + email("${customer.familyName}様", "<p>本文</p>", "本文") + "}");
        assertEquals(true, shown.getBoolean("recipient.sample"));
        assertEquals("青木様", shown.getString("subject"));
        assertTrue(shown.getString("text").startsWith("本文\r\n\r\n――"), shown.getString("text"));
        assertTrue(shown.getString("html").contains("配信停止"), shown.getString("html"));
        String link = shown.getString("unsubscribe_url");
        assertTrue(link.startsWith("https://koyomi.test.example/unsubscribe/"), link);
        assertEquals(0, links.verifyUnsubscribe(link.substring(link.lastIndexOf('/') + 1)).orElseThrow().customerId());
    }

    @Test
    void shouldRefuseToPreviewAnEmailTheSenderWouldRefuseNamingThePart() {
        as("marketer").contentType("application/json")
                .body("{\"channel\":\"EMAIL\",\"source\":" + email("件名", "<p>本文</p><style>p{}", "本文") + "}")
                .post("/api/v1/templates/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("html"))
                .body("errors[0].message", containsString("would hide the legal footer"));
    }

    @Test
    void shouldRefuseToSaveATemplateEverySendWouldFailWith() {
        String hidesFooter = email("件名", "<p>本文</p>\\n<!-- 下書き", "本文");
        as("marketer").contentType("application/json").body(hidesFooter).post("/api/v1/templates/validate/EMAIL").then()
                .statusCode(200).body("problems[0].part", equalTo("html"))
                .body("problems[0].message", containsString("unterminated comment"));
        as("marketer").contentType("application/json").body(hidesFooter).post("/api/v1/templates/hides-footer/EMAIL/versions")
                .then().statusCode(400).body("errors[0].field", equalTo("html"))
                .body("errors[0].message", containsString("would hide the legal footer"));
        as("viewer").get("/api/v1/templates/hides-footer/EMAIL/versions").then().statusCode(404);
    }

    @Test
    void shouldPreviewTheLinePushTheSenderWrites() throws Exception {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, "PV-LINE,森,蓮,モリ,レン,,"
                + "U1234567890abcdef1234567890abcdef,1500001,13,渋谷区神宮前,1丁目2-3,,,false,true,false,LINE,,0,"))
                .post("/api/v1/imports/customers").then().statusCode(200);
        long customer = Long.parseLong(Db.value(dataSource, "SELECT id FROM customer WHERE external_id = 'PV-LINE'"));
        String flex = "{\"type\":\"flex\",\"altText\":\"森様へ\",\"contents\":{\"type\":\"bubble\",\"body\":{\"type\":\"box\","
                + "\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\",\"text\":\"森様\",\"wrap\":true}]}}}";
        long delivery = pending(customer, Channel.LINE, new RenderedMessage.Line(List.of("{\"type\":\"text\",\"text\":\"森様\"}",
                flex)));
        send(delivery, Channel.LINE);
        JsonNode pushed = JSON.readTree(Files.readString(Path.of(channels.outboxDirectory(), "line", delivery + ".json")));

        JsonPath shown = preview("{\"channel\":\"LINE\",\"customer_external_id\":\"PV-LINE\",\"source\":{\"messages\":["
                + "\"${customer.familyName}様\"," + JSON.writeValueAsString(flex.replace("森", "${customer.familyName}")) + "]}}");

        assertEquals(pushed.path("to").asText(), shown.getString("to"));
        List<JsonNode> shownMessages = new ArrayList<>();
        for (String m : shown.getList("messages_json", String.class)) {
            shownMessages.add(JSON.readTree(m));
        }
        List<JsonNode> pushedMessages = new ArrayList<>();
        pushed.path("messages").forEach(pushedMessages::add);
        assertEquals(pushedMessages, shownMessages);
    }

    @Test
    void shouldPreviewThePrintersRowNeutralisedAndSayWhenItWouldBeHeldBack() {
        JsonPath shown = preview("{\"channel\":\"POSTAL\",\"customer_external_id\":\"PV-POST\",\"source\":{\"fields\":"
                + "{\"greeting\":\"=${customer.familyName}様\"}}}".replace("PV-POST", customer("PV-POST", "青木")));
        assertEquals("青木 陽菜 様", shown.getString("csv.name"));
        assertEquals("150-0001", shown.getString("csv.postal_code"));
        assertEquals("'=青木様", shown.getString("csv.greeting"), "a cell that starts a formula is neutralised");
        assertEquals("=青木様", shown.getString("fields.greeting"));
        assertEquals("windows-31j", shown.getString("encoding"));

        as("marketer").contentType("application/json").body("{\"channel\":\"POSTAL\",\"customer_external_id\":\""
                + customer("PV-POST-2", "𠮷田") + "\",\"source\":{\"fields\":{\"greeting\":\"${customer.familyName}様\"}}}")
                .post("/api/v1/templates/preview").then().statusCode(200).body("csv", nullValue())
                .body("held_back", containsString("cannot be written in windows-31j"));
    }

    /** A customer with a postal address and consent; returns the external id. */
    private static String customer(String id, String family) {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, id + "," + family
                + ",陽菜,アオキ,ヒナ,,,150-0001,13,渋谷区神宮前,1丁目2-3,,,false,false,true,POSTAL,,0,"))
                .post("/api/v1/imports/customers").then().statusCode(200);
        return id;
    }
}
