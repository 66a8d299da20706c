package jp.koyomi.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

@QuarkusTest
class RetentionPurgeTest {

    @Inject
    AgroalDataSource db;

    @Inject
    RetentionPurge purge;

    private String body(long delivery) throws Exception {
        return Db.value(db, "SELECT content FROM delivery WHERE id = ?", delivery);
    }

    private void finish(long delivery) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement("UPDATE delivery SET status = 'SENT' WHERE id = ?")) {
            s.setLong(1, delivery);
            s.executeUpdate();
        }
    }

    @Test
    void shouldDropOnlyTheBodiesOfFinishedDeliveriesOlderThanTheRetentionAndKeepTheRows() throws Exception {
        long customer = Db.customer(db, "RP-1");
        Instant now = Instant.now();
        long oldSent = Db.pendingDelivery(db, customer, Channel.EMAIL, now.minus(Duration.ofDays(40)));
        long oldPending = Db.pendingDelivery(db, customer, Channel.LINE, now.minus(Duration.ofDays(41)));
        long recentSent = Db.pendingDelivery(db, customer, Channel.POSTAL, now.minus(Duration.ofDays(2)));
        finish(oldSent);
        finish(recentSent);
        String rowsBefore = Db.value(db, "SELECT COUNT(*) FROM delivery");

        assertTrue(purge.purge().bodies() >= 1);

        assertEquals("", body(oldSent), "a sent body older than 30 days is dropped");
        assertTrue(body(oldPending).contains("冬のおすすめ"), "a PENDING delivery keeps its body whatever its age");
        assertTrue(body(recentSent).contains("冬のおすすめ"), "a recent body is kept");
        assertEquals(rowsBefore, Db.value(db, "SELECT COUNT(*) FROM delivery"), "rows stay for counts and the cap");
        assertEquals("SENT", Db.value(db, "SELECT status FROM delivery WHERE id = ?", oldSent));
        assertEquals(0, purge.purge().bodies(), "a second purge finds nothing more");
    }
}
