package jp.koyomi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jp.koyomi.support.ManualClock;

/**
 * Claims are fenced: a worker whose lease ran out and whose rows another worker claimed can
 * neither send them nor record anything for them. Time is moved by hand (instants in 2001, so
 * no other test's deliveries are due).
 */
@QuarkusTest
class OutboxFencingTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    HandDrivenDrainers drainers;

    @Inject
    AgroalDataSource dataSource;

    private String status(long id) throws SQLException {
        return Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", id);
    }

    private static ClaimedDelivery the(long id, Outbox.Claim claim) {
        return claim.deliveries().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    private List<Long> deliveries(String customer, int count, Instant due) throws SQLException {
        long customerId = Db.customer(dataSource, customer);
        Long[] ids = new Long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Db.pendingDelivery(dataSource, customerId, Channel.EMAIL, due);
        }
        return List.of(ids);
    }

    @Test
    void shouldRefuseEveryChangeFromAWorkerWhoseClaimWasTakenOver() throws SQLException {
        Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
        List<Long> ids = deliveries("FENCE-1", 3, t0);
        Outbox.Claim stale = outbox.claim(Channel.EMAIL, 100, t0, config.lease());
        assertTrue(outbox.sent(the(ids.get(0), stale), "first", t0));

        Instant later = t0.plus(config.lease()).plusSeconds(1);
        Outbox.Claim fresh = outbox.claim(Channel.EMAIL, 100, later, config.lease());
        assertEquals(List.of(ids.get(1), ids.get(2)), fresh.deliveries().stream().map(ClaimedDelivery::id)
                .filter(ids::contains).toList(), "the stale worker's unsent rows are claimed again, the sent one is not");

        assertEquals(Outbox.Hold.CLAIM_LOST, outbox.hold(the(ids.get(1), stale), later.plus(config.lease())),
                "no send under a lost claim");
        assertFalse(outbox.sent(the(ids.get(1), stale), "stale", later));
        assertFalse(outbox.finish(the(ids.get(2), stale), DeliveryStatus.FAILED, "stale"));
        assertFalse(outbox.retryAt(the(ids.get(2), stale), later.plusSeconds(60), "stale"));
        assertFalse(outbox.defer(the(ids.get(2), stale), later.plusSeconds(60), "stale", false));
        assertEquals(0, outbox.renew(stale.token(), later.plus(config.lease())));

        assertEquals(Outbox.Hold.HELD, outbox.hold(the(ids.get(1), fresh), later.plus(config.lease())));
        assertTrue(outbox.sent(the(ids.get(1), fresh), "fresh", later));
        assertTrue(outbox.finish(the(ids.get(2), fresh), DeliveryStatus.FAILED, "fresh"));
        assertEquals("fresh", Db.value(dataSource, "SELECT provider_id FROM delivery WHERE id = ?", ids.get(1)));
        assertEquals("FAILED", status(ids.get(2)));
    }

    @Test
    void shouldNotSendTwiceWhenTheFirstDrainersLeaseRunsOutMidBatch() throws SQLException {
        Instant t0 = Instant.parse("2001-02-01T00:00:00Z");
        List<Long> ids = deliveries("FENCE-2", 4, t0);
        ManualClock clock = new ManualClock(t0);
        OutboxDrainer first = drainers.on(clock);
        OutboxDrainer second = drainers.on(clock);
        ScriptedMessenger smtp = ScriptedMessenger.accepting(Channel.EMAIL);

        // The first drainer claims the batch, then stalls (a long GC pause, a hung host) past its lease.
        Outbox.Claim stalled = outbox.claim(Channel.EMAIL, config.batchSize(), t0, config.lease());
        assertTrue(stalled.deliveries().stream().map(ClaimedDelivery::id).toList().containsAll(ids));
        clock.advance(config.lease().plusSeconds(30));

        // Meanwhile the second drainer claims the same rows and sends them.
        second.drainBatch(smtp);
        // The first wakes up and carries on with its batch: it must find out it lost the claim and send nothing.
        first.send(stalled, smtp);

        for (long id : ids) {
            assertEquals(1, smtp.times(id), "delivery " + id + " went out once");
            assertEquals("SENT", status(id));
        }
        assertEquals(ids.size(), smtp.sent.stream().filter(ids::contains).count());
    }

    @Test
    void shouldRenewTheLeaseSoALongBatchIsNeverClaimedTwice() throws SQLException {
        Instant t0 = Instant.parse("2001-03-01T00:00:00Z");
        List<Long> ids = deliveries("FENCE-3", 5, t0);
        ManualClock clock = new ManualClock(t0);
        OutboxDrainer worker = drainers.on(clock);
        // Each send takes 45 s (an SMTP server near its 10 s + 30 s timeouts): the batch lasts far longer
        // than one lease, and another worker tries to claim after every send.
        List<Long> takenByOthers = new java.util.ArrayList<>();
        ScriptedMessenger slow = new ScriptedMessenger(Channel.EMAIL, m -> {
            clock.advance(Duration.ofSeconds(45));
            outbox.claim(Channel.EMAIL, 100, clock.instant(), config.lease()).deliveries()
                    .forEach(d -> takenByOthers.add(d.id()));
            return new SendResult.Sent("slow-" + m.deliveryId());
        });

        worker.drainBatch(slow);

        assertTrue(Duration.between(t0, clock.instant()).compareTo(config.lease()) > 0, "the batch outlived one lease");
        assertTrue(takenByOthers.stream().noneMatch(ids::contains), "no other worker got a row of the batch: " + takenByOthers);
        for (long id : ids) {
            assertEquals(1, slow.times(id));
            assertEquals("SENT", status(id));
        }
    }
}
