package jp.koyomi.support;

import static jp.koyomi.support.TestUsers.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** A COMPLETED manual run of a new campaign named {@code name}; returns the run's id. */
    public static long completed(DataSource db, String name) throws SQLException {
        int campaign = as("marketer").contentType("application/json").body("{\"name\":\"" + name + "\",\"definition\":"
                + "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":1},\"holdout_percent\":0}}").post("/api/v1/campaigns").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        Instant now = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, revision, created_at, started_at, "
                        + "finished_at) VALUES (?, ?, 'MANUAL', 'COMPLETED', 1, ?, ?, ?)", new String[] { "id" })) {
            s.setLong(1, campaign);
            for (int i = 2; i <= 5; i++) {
                s.setObject(i, now.atOffset(ZoneOffset.UTC));
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A PENDING delivery of the run to the customer on the channel, due now; returns its id. */
    public static long delivery(DataSource db, long runId, long customerId, Channel channel) throws SQLException {
        RenderedMessage content = switch (channel) {
            case EMAIL -> new RenderedMessage.Email("冬のおすすめ", "<p>こんにちは</p>", "こんにちは");
            case LINE -> new RenderedMessage.Line(java.util.List.of("{\"type\":\"text\",\"text\":\"こんにちは\"}"));
            case POSTAL -> new RenderedMessage.Postal(Map.of("greeting", "いつもありがとうございます"));
        };
        Instant now = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO delivery (run_id, customer_id, channel, status, content, retry_key, next_attempt_at, "
                        + "created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?)", new String[] { "id" })) {
            s.setLong(1, runId);
            s.setLong(2, customerId);
            s.setString(3, channel.name());
            s.setString(4, MessageCodec.encode(content));
            s.setString(5, UUID.randomUUID().toString());
            s.setObject(6, now.atOffset(ZoneOffset.UTC));
            s.setObject(7, now.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
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
