package jp.koyomi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

@QuarkusTest
class OutboxTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    private String status(long deliveryId) throws SQLException {
        return Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", deliveryId);
    }

    private static List<Long> ids(Outbox.Claim claim) {
        return claim.deliveries().stream().map(ClaimedDelivery::id).toList();
    }

    private static ClaimedDelivery the(long id, Outbox.Claim claim) {
        return claim.deliveries().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    @Test
    void shouldClaimDueDeliveriesOnceUntilTheLeaseRunsOut() throws SQLException {
        Instant now = Instant.parse("2030-01-01T01:00:00Z");
        long customer = Db.customer(dataSource, "OB-1");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "UPDATE customer SET line_user_id = 'U-OB-1', line_consent = TRUE WHERE id = ?")) {
            s.setLong(1, customer);
            s.executeUpdate();
        }
        long id = Db.pendingDelivery(dataSource, customer, Channel.LINE, now.minusSeconds(1));

        Outbox.Claim first = outbox.claim(Channel.LINE, 100, now, LEASE);
        assertTrue(ids(first).contains(id));
        ClaimedDelivery claimed = the(id, first);
        assertEquals(Outbox.Hold.HELD, outbox.hold(claimed, now.plus(LEASE)));
        assertEquals("青木 陽菜", claimed.recipientName());

        assertTrue(!ids(outbox.claim(Channel.LINE, 100, now.plusSeconds(60), LEASE)).contains(id),
                "another worker must not take a leased delivery");
        Outbox.Claim afterCrash = outbox.claim(Channel.LINE, 100, now.plus(LEASE).plusSeconds(1), LEASE);
        assertTrue(ids(afterCrash).contains(id), "a crashed worker's delivery is claimed again when its lease runs out");
        assertEquals(1, the(id, afterCrash).attempts(), "the crashed worker's attempt counts");
    }

    @Test
    void shouldNotClaimDeferredDeliveriesBeforeTheyAreDue() throws SQLException {
        Instant now = Instant.parse("2030-02-01T12:00:00Z");
        long id = Db.pendingDelivery(dataSource, Db.customer(dataSource, "OB-2"), Channel.POSTAL, now.plus(Duration.ofHours(9)));
        assertTrue(!ids(outbox.claim(Channel.POSTAL, 100, now, LEASE)).contains(id));
        assertTrue(ids(outbox.claim(Channel.POSTAL, 100, now.plus(Duration.ofHours(9)), LEASE)).contains(id));
    }

    @Test
    void shouldRecordOutcomes() throws SQLException {
        Instant now = Instant.parse("2030-03-01T01:00:00Z");
        long customer = Db.customer(dataSource, "OB-3");
        long sent = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now);
        long failed = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now);
        long retried = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now);
        Outbox.Claim claim = outbox.claim(Channel.EMAIL, 100, now, LEASE);
        assertTrue(outbox.sent(the(sent, claim), "<m1@example.jp>", now));
        assertTrue(outbox.finish(the(failed, claim), DeliveryStatus.FAILED, "550 no such user"));
        assertTrue(outbox.retryAt(the(retried, claim), now.plusSeconds(30), "421 try later"));
        assertEquals("SENT", status(sent));
        assertEquals("FAILED", status(failed));
        assertEquals("PENDING", status(retried));
        assertTrue(!ids(outbox.claim(Channel.EMAIL, 100, now.plusSeconds(29), LEASE)).contains(retried));
        assertTrue(ids(outbox.claim(Channel.EMAIL, 100, now.plusSeconds(30), LEASE)).contains(retried));
    }
}
