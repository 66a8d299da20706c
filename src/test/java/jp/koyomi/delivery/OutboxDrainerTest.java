package jp.koyomi.delivery;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.run.QuietHours;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.support.ManualClock;

/**
 * What the drainer decides at send time, for every attempt: quiet hours, expiry, the offered stock,
 * channel pauses and retries. Each test works in its own month of 2001 with a hand-moved clock, so
 * no other test's deliveries are due.
 */
@QuarkusTest
class OutboxDrainerTest {

    private static final QuietHours TOKYO_DAYTIME = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0),
            ZoneId.of("Asia/Tokyo"));

    @Inject
    HandDrivenDrainers drainers;

    @Inject
    AgroalDataSource dataSource;

    private OutboxDrainer drainer(ManualClock clock) {
        return drainers.on(clock);
    }

    private String column(String column, long id) throws SQLException {
        return Db.value(dataSource, "SELECT " + column + " FROM delivery WHERE id = ?", id);
    }

    private Instant nextAttempt(long id) throws SQLException {
        return OffsetDateTime.parse(column("next_attempt_at", id).replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"))
                .toInstant();
    }

    private void set(long id, String assignment, Object value) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE delivery SET " + assignment + " WHERE id = ?")) {
            s.setObject(1, value);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private long email(String customer, Instant due) throws SQLException {
        return Db.pendingDelivery(dataSource, Db.customer(dataSource, customer), Channel.EMAIL, due);
    }

    @Test
    void shouldHoldBackASendThatWouldArriveDuringQuietHoursWhateverTheAttempt() throws SQLException {
        // 20:59:50 in Tokyo: the batch starts inside the window; the first send takes 20 s.
        Instant start = Instant.parse("2001-04-01T11:59:50Z");
        long customer = Db.customer(dataSource, "QUIET-1");
        long first = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, start.minusSeconds(2));
        long second = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, start.minusSeconds(1));
        set(second, "attempts = ?", 3);
        ManualClock clock = new ManualClock(start);
        OutboxDrainer drainer = drainers.on(clock, new SendGate(TOKYO_DAYTIME::firstSendAt));
        ScriptedMessenger smtp = new ScriptedMessenger(Channel.EMAIL, m -> {
            clock.advance(Duration.ofSeconds(20));
            return new SendResult.Sent("ok");
        });

        drainer.drainBatch(smtp);

        assertEquals(List.of(first), smtp.sent, "the retry due before 21:00 but reached after it waits");
        assertEquals("PENDING", column("status", second));
        assertEquals(Instant.parse("2001-04-01T23:00:00Z"), nextAttempt(second), "08:00 the next morning in Tokyo");
        assertEquals("3", column("attempts", second), "a quiet-hours deferral spends no attempt");

        clock.set(Instant.parse("2001-04-01T15:00:00Z"));
        set(second, "next_attempt_at = ?", clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC));
        assertEquals(0, drainer.drainBatch(smtp), "at midnight nothing is even claimed");
        clock.set(Instant.parse("2001-04-01T23:00:00Z"));
        drainer.drainBatch(smtp);
        assertEquals("SENT", column("status", second));
    }

    @Test
    void shouldExpireADeliveryThatWaitedTooLongInsteadOfSendingItLate() throws SQLException {
        Instant now = Instant.parse("2001-05-01T03:00:00Z");
        long stale = email("EXPIRE-1", now.minus(Duration.ofDays(4)));
        long fresh = email("EXPIRE-2", now.minusSeconds(1));
        set(stale, "expires_at = ?", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        set(stale, "last_error = ?", "SMTP connection problem: Connection refused");
        set(fresh, "expires_at = ?", now.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
        ScriptedMessenger smtp = ScriptedMessenger.accepting(Channel.EMAIL);

        drainer(new ManualClock(now)).drainBatch(smtp);

        assertFalse(smtp.sent.contains(stale));
        assertEquals("EXPIRED", column("status", stale));
        assertTrue(column("last_error", stale).contains("expired at 2001-04-30T03:00:00Z"), column("last_error", stale));
        assertTrue(column("last_error", stale).contains("Connection refused"), "the reason it could not go out");
        assertEquals("SENT", column("status", fresh));
    }

    @Test
    void shouldKeepRetryingUntilTheExpiryRatherThanAFixedNumberOfAttempts() throws SQLException {
        Instant now = Instant.parse("2001-06-01T03:00:00Z");
        long longOutage = email("RETRY-1", now.minusSeconds(1));
        long nearlyExpired = email("RETRY-2", now.minusSeconds(1));
        set(longOutage, "attempts = ?", 20);
        set(longOutage, "expires_at = ?", now.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
        set(nearlyExpired, "expires_at = ?", now.plusSeconds(10).atOffset(ZoneOffset.UTC));
        ScriptedMessenger down = new ScriptedMessenger(Channel.EMAIL,
                m -> new SendResult.Retry("SMTP connection problem: Connection refused", Duration.ZERO));

        drainer(new ManualClock(now)).drainBatch(down);

        assertEquals("PENDING", column("status", longOutage), "21 attempts in, the letter is still worth sending");
        assertEquals("21", column("attempts", longOutage));
        assertTrue(nextAttempt(longOutage).isAfter(now));
        assertEquals("EXPIRED", column("status", nearlyExpired), "the next retry would come after its expiry");
    }

    @Test
    void shouldWaitAtLeastAsLongAsTheChannelAsked() throws SQLException {
        Instant now = Instant.parse("2001-07-01T03:00:00Z");
        long id = email("RETRY-AFTER-1", now.minusSeconds(1));
        set(id, "expires_at = ?", now.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
        ScriptedMessenger throttled = new ScriptedMessenger(Channel.EMAIL,
                m -> new SendResult.Retry("LINE 429 Too many requests", Duration.ofHours(2)));

        drainer(new ManualClock(now)).drainBatch(throttled);

        assertFalse(nextAttempt(id).isBefore(now.plus(Duration.ofHours(2))), "Retry-After is honoured: " + nextAttempt(id));
    }

    @Test
    void shouldNotSpendAttemptsOnAChannelPause() throws SQLException {
        Instant now = Instant.parse("2001-08-01T03:00:00Z");
        long customer = Db.customer(dataSource, "PAUSE-1");
        long paused = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now.minusSeconds(2));
        long waiting = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now.minusSeconds(1));
        ScriptedMessenger quota = new ScriptedMessenger(Channel.EMAIL,
                m -> new SendResult.ChannelPaused("LINE monthly message quota reached"));

        drainer(new ManualClock(now)).drainBatch(quota);

        assertEquals(List.of(paused), quota.sent);
        for (long id : List.of(paused, waiting)) {
            assertEquals("PENDING", column("status", id));
            assertEquals("0", column("attempts", id), "a pause is not the letter's failure");
            assertEquals(now.plus(OutboxDrainer.CHANNEL_PAUSE), nextAttempt(id));
        }
    }

    @Test
    void shouldNotSendALetterWhoseOfferedSizeSoldOutSinceTheRun() throws SQLException {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("STOCK-JEANS", "jeans", "STOCK-JEANS-M", "M", 3),
                Csv.product("STOCK-JEANS", "jeans", "STOCK-JEANS-L", "L", 3)))
                .post("/api/v1/imports/products").then().statusCode(200);
        Instant now = Instant.parse("2001-09-01T03:00:00Z");
        long soldOut = email("STOCK-1", now.minusSeconds(2));
        long stillThere = email("STOCK-2", now.minusSeconds(1));
        set(soldOut, "offered_skus = ?", "[\"STOCK-JEANS-M\"]");
        set(soldOut, "offer_min_stock = ?", 2);
        set(stillThere, "offered_skus = ?", "[\"STOCK-JEANS-L\"]");
        set(stillThere, "offer_min_stock = ?", 2);
        // After the run, size M sells down below the rule's minimum.
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("STOCK-JEANS", "jeans", "STOCK-JEANS-M", "M", 1)))
                .post("/api/v1/imports/products").then().statusCode(200);
        ScriptedMessenger smtp = ScriptedMessenger.accepting(Channel.EMAIL);

        drainer(new ManualClock(now)).drainBatch(smtp);

        assertEquals(List.of(stillThere), smtp.sent);
        assertEquals("SOLD_OUT_BEFORE_SEND", column("status", soldOut));
        assertEquals("SKU STOCK-JEANS-M has 1 left, the offer needs 2", column("last_error", soldOut));
        assertEquals("SENT", column("status", stillThere));
    }

    @Test
    void shouldLogAnOutageAsOneSummaryPerBatchNotAWarningPerDelivery() throws SQLException {
        Instant now = Instant.parse("2001-10-01T03:00:00Z");
        long customer = Db.customer(dataSource, "OUTAGE-1");
        for (int i = 0; i < 30; i++) {
            long id = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now.minusSeconds(60 - i));
            set(id, "expires_at = ?", now.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
        }
        ScriptedMessenger down = new ScriptedMessenger(Channel.EMAIL,
                m -> new SendResult.Retry("SMTP connection problem: Connection refused", Duration.ZERO));
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("jp.koyomi");
        logger.addHandler(capture);
        try {
            drainer(new ManualClock(now)).drainBatch(down);
        } finally {
            logger.removeHandler(capture);
        }

        assertEquals(30, down.sent.size());
        assertEquals(1, warnings.size(), warnings.stream().map(LogRecord::getMessage).toList().toString());
        String summary = warnings.get(0).getMessage();
        assertTrue(summary.contains("30 to retry") && summary.contains("Connection refused (30x)"), summary);
    }
}
