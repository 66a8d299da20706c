package jp.koyomi.support;

import static jp.koyomi.support.TestUsers.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jp.koyomi.delivery.MessageCodec;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/** Runs and their outbox rows made directly, for tests of what happens after a run. */
public final class Runs {

    private Runs() {
    }

    /** A new weekly-newsletter-like campaign named {@code name} (email, everyone, no holdout); returns its id. */
    public static long campaign(String name) {
        int id = as("marketer").contentType("application/json").body("{\"name\":\"" + name + "\",\"definition\":"
                + "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},\"holdout_percent\":0}}").post("/api/v1/campaigns").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        return id;
    }

    /** A new campaign as {@link #campaign}, its first revision approved by an admin, so it may send; returns its id. */
    public static long approvedCampaign(String name) {
        long id = campaign(name);
        as("admin").contentType("application/json").body("{\"revision\":1}").post("/api/v1/campaigns/" + id + "/approval")
                .then().statusCode(200);
        return id;
    }

    /** A COMPLETED manual run of a new campaign named {@code name}; returns the run's id. */
    public static long completed(DataSource db, String name) throws SQLException {
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        return Db.insert(db, "INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, revision, created_at, "
                + "started_at, finished_at) VALUES (?, ?, 'MANUAL', 'COMPLETED', 1, ?, ?, ?)", campaign(name), now, now, now, now);
    }

    /** A PENDING manual run of a new campaign named {@code name}, for an executor to start; returns the run's id. */
    public static long pending(DataSource db, String name) throws SQLException {
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        return Db.insert(db, "INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, revision, created_at) "
                + "VALUES (?, ?, 'MANUAL', 'PENDING', 1, ?)", campaign(name), now, now);
    }

    /** A PENDING delivery of the run to the customer on the channel, due now; returns its id. */
    public static long delivery(DataSource db, long runId, long customerId, Channel channel) throws SQLException {
        RenderedMessage content = switch (channel) {
            case EMAIL -> new RenderedMessage.Email("冬のおすすめ", "<p>こんにちは</p>", "こんにちは");
            case LINE -> new RenderedMessage.Line(java.util.List.of("{\"type\":\"text\",\"text\":\"こんにちは\"}"));
            case POSTAL -> new RenderedMessage.Postal(Map.of("greeting", "いつもありがとうございます"));
        };
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        return Db.insert(db, "INSERT INTO delivery (run_id, customer_id, channel, status, content, retry_key, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?)", runId, customerId, channel.name(),
                MessageCodec.encode(content), UUID.randomUUID().toString(), now, now);
    }

    /** Runs an UPDATE with the given parameters. */
    public static void update(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
