package jp.koyomi.settings;

import static jp.koyomi.support.TestUsers.anonymous;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

/** GET/PUT /api/v1/settings and GET /api/v1/settings/channels on the test application (no SMTP, no LINE token). */
@QuarkusTest
class SettingsApiTest {

    private static final String CHANGED = "{\"sender\": {\"from_name\": \"暦ストア\", \"from_address\": \"news@shop.example.jp\", "
            + "\"reply_to\": \"help@shop.example.jp\"}, \"legal_footer\": {\"legal_name\": \"株式会社暦\", "
            + "\"postal_address\": \"〒060-0001 北海道札幌市中央区北1条西1丁目1-1\", \"contact\": \"011-000-0000\"}, "
            + "\"frequency_cap\": {\"max\": 4, \"window\": \"PT12H\"}, "
            + "\"quiet_hours\": {\"opens\": \"09:30\", \"closes\": \"20:00\", \"zone\": \"Asia/Tokyo\"}}";

    @Inject
    SettingsService settings;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToDefaults() {
        // Other tests share this application: nothing stored outlives a test.
        as("admin").contentType("application/json").body("{}").put("/api/v1/settings").then().statusCode(200);
    }

    @Test
    void shouldShowAViewerTheDefaultsAndWhereEachValueComesFrom() {
        as("viewer").get("/api/v1/settings").then().statusCode(200)
                .body("values.sender.from_name", equalTo("こよみアパレル"))
                .body("values.sender.reply_to", nullValue())
                .body("values.frequency_cap.max", equalTo(2))
                .body("values.frequency_cap.window", equalTo("P7D"))
                .body("values.quiet_hours.opens", equalTo("08:00"))
                .body("values.quiet_hours.closes", equalTo("21:00"))
                .body("values.quiet_hours.disabled", equalTo(true))
                .body("origins.find { it.field == 'frequency_cap.max' }.source", equalTo("DEFAULT"))
                .body("origins.find { it.field == 'frequency_cap.max' }.fixed", equalTo(false))
                // application.properties switches quiet hours off in tests: a configured value is fixed.
                .body("origins.find { it.field == 'quiet_hours.disabled' }.source", equalTo("CONFIGURATION"))
                .body("origins.find { it.field == 'quiet_hours.disabled' }.fixed", equalTo(true))
                .body("origins.find { it.field == 'quiet_hours.disabled' }.environment_variable",
                        equalTo("KOYOMI_RUNS_QUIET_HOURS_DISABLED"));
    }

    @Test
    void shouldStoreAnAdminsSettingsAndApplyThemWithoutARestart() {
        as("admin").contentType("application/json").body(CHANGED).put("/api/v1/settings").then().statusCode(200)
                .body("values.sender.reply_to", equalTo("help@shop.example.jp"))
                .body("values.frequency_cap.window", equalTo("PT12H"))
                .body("updated_by", equalTo("admin"));
        as("viewer").get("/api/v1/settings").then().statusCode(200)
                .body("values.legal_footer.legal_name", equalTo("株式会社暦"))
                .body("values.quiet_hours.opens", equalTo("09:30"))
                .body("origins.find { it.field == 'frequency_cap.max' }.source", equalTo("DATABASE"));

        EffectiveSettings now = settings.current();
        assertEquals(4, now.capMax());
        assertEquals(Duration.ofHours(12), now.capWindow());
        assertEquals(LocalTime.of(9, 30), now.quietOpens());
        assertEquals("暦ストア", now.fromName());
        assertEquals("help@shop.example.jp", now.replyTo());
        assertTrue(now.quietHoursOff(), "the configured switch still wins");
    }

    @Test
    void shouldGoBackToTheDefaultForAFieldLeftOut() {
        as("admin").contentType("application/json").body(CHANGED).put("/api/v1/settings").then().statusCode(200);
        as("admin").contentType("application/json").body("{\"frequency_cap\": {\"max\": 5}}").put("/api/v1/settings")
                .then().statusCode(200)
                .body("values.frequency_cap.max", equalTo(5))
                .body("values.frequency_cap.window", equalTo("P7D"))
                .body("values.sender.from_name", equalTo("こよみアパレル"));
        assertNull(settings.current().replyTo());
    }

    @Test
    void shouldRefuseToChangeAValueTheEnvironmentFixesButAcceptItsCurrentValue() {
        as("admin").contentType("application/json").body("{\"quiet_hours\": {\"disabled\": false}}").put("/api/v1/settings")
                .then().statusCode(400)
                .body("errors.field", contains("quiet_hours.disabled"))
                .body("errors[0].message", containsString("KOYOMI_RUNS_QUIET_HOURS_DISABLED"));
        as("admin").contentType("application/json").body("{\"quiet_hours\": {\"opens\": \"07:00\", \"disabled\": true}}")
                .put("/api/v1/settings").then().statusCode(200)
                .body("values.quiet_hours.opens", equalTo("07:00"));
    }

    @Test
    void shouldRefuseInvalidValuesNamingEachFieldAndStoreNothing() {
        as("admin").contentType("application/json").body(CHANGED).put("/api/v1/settings").then().statusCode(200);
        as("admin").contentType("application/json").body("{\"sender\": {\"from_name\": \"暦\\r\\nBcc: x@evil.example\", "
                + "\"from_address\": \"not an address\"}, \"frequency_cap\": {\"max\": 0, \"window\": \"7 days\"}, "
                + "\"quiet_hours\": {\"opens\": \"25:00\", \"zone\": \"Mars/Olympus\"}}").put("/api/v1/settings")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("sender.from_name", "sender.from_address", "frequency_cap.max",
                        "frequency_cap.window", "quiet_hours.opens", "quiet_hours.zone"));
        as("viewer").get("/api/v1/settings").then().body("values.frequency_cap.max", equalTo(4));
    }

    @Test
    void shouldRefuseQuietHoursThatCloseBeforeTheyOpen() {
        as("admin").contentType("application/json").body("{\"quiet_hours\": {\"opens\": \"21:00\", \"closes\": \"08:00\"}}")
                .put("/api/v1/settings").then().statusCode(400)
                .body("errors.field", contains("quiet_hours.closes"));
    }

    @Test
    void shouldRefuseAnUnknownFieldByName() {
        as("admin").contentType("application/json").body("{\"quiet_hours\": {\"open\": \"09:00\"}}").put("/api/v1/settings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("quiet_hours.open"));
    }

    @Test
    void shouldLetOnlyAnAdminChangeSettings() {
        as("marketer").contentType("application/json").body(CHANGED).put("/api/v1/settings").then().statusCode(403);
        as("viewer").contentType("application/json").body(CHANGED).put("/api/v1/settings").then().statusCode(403);
        anonymous().get("/api/v1/settings").then().statusCode(401);
        anonymous().get("/api/v1/settings/channels").then().statusCode(401);
        assertEquals(2, settings.current().capMax());
    }

    @Test
    void shouldReportTheFileOutboxAndAPausedLineChannel() throws Exception {
        as("viewer").get("/api/v1/settings/channels").then().statusCode(200)
                .body("channels.channel", contains("EMAIL", "LINE"))
                .body("channels.state", contains("FILE_OUTBOX", "FILE_OUTBOX"))
                .body("channels[0].target", containsString("email"));

        long customer = Db.customer(dataSource, "SET-PAUSE-1");
        long delivery = Db.pendingDelivery(dataSource, customer, Channel.LINE, Instant.now().plusSeconds(3600));
        update("UPDATE delivery SET last_error = 'channel paused: LINE monthly message quota reached' WHERE id = ?", delivery);
        try {
            as("viewer").get("/api/v1/settings/channels").then().statusCode(200)
                    .body("channels.state", contains("FILE_OUTBOX", "PAUSED"))
                    .body("channels[1].paused_reason", containsString("quota"))
                    .body("channels[1].paused_until", notNullValue());
        } finally {
            update("UPDATE delivery SET status = 'FAILED' WHERE id = ?", delivery);
        }
    }

    private void update(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
