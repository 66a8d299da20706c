package jp.koyomi.support;

import static jp.koyomi.support.TestUsers.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jp.koyomi.delivery.MessageCodec;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/** Direct database set-up and checks for tests that look below the API. */
public final class Db {

    private Db() {
    }

    /** Imports a customer through the API (email consent only) and returns their database id. */
    public static long customer(DataSource db, String externalId) throws SQLException {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, Csv.customer(externalId, "150-0001")))
                .post("/api/v1/imports/customers").then().statusCode(200);
        return Long.parseLong(value(db, "SELECT id FROM customer WHERE external_id = ?", externalId));
    }

    /** A PENDING email delivery outside any run, due at {@code due}; returns its id. */
    public static long pendingDelivery(DataSource db, long customerId, Channel channel, Instant due) throws SQLException {
        return pendingDelivery(db, customerId, channel, new RenderedMessage.Email("冬のおすすめ", "<p>こんにちは</p>", "こんにちは"),
                due);
    }

    /** A PENDING delivery outside any run carrying {@code content}, due at {@code due}; returns its id. */
    public static long pendingDelivery(DataSource db, long customerId, Channel channel, RenderedMessage content, Instant due)
            throws SQLException {
        return insert(db, "INSERT INTO delivery (customer_id, channel, status, content, retry_key, next_attempt_at, "
                + "created_at) VALUES (?, ?, 'PENDING', ?, ?, ?, ?)", customerId, channel.name(), MessageCodec.encode(content),
                UUID.randomUUID().toString(), due.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC));
    }

    /** Runs an INSERT with the given parameters and returns the id of the row it made. */
    public static long insert(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql, new String[] { "id" })) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The first column of the first row of a query, as text. */
    public static String value(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getString(1);
            }
        }
    }
}
