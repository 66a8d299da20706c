package jp.koyomi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.customer.ConsentService;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;
import jp.koyomi.support.ManualClock;
import jp.koyomi.template.RenderedMessage;

/**
 * Consent and address are read again right before each send, not only when a worker claims its
 * batch: a customer who unsubscribes while their delivery waits in a claimed batch gets nothing
 * (issue 10, the defect the fault suite's unsubscribe race found). Each test works in its own month
 * of 2001 with a hand-moved clock, so no other test's deliveries are due.
 */
@QuarkusTest
class ConsentAtSendTest {

    @Inject
    HandDrivenDrainers drainers;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    ConsentService consents;

    @Inject
    AgroalDataSource dataSource;

    private String column(String column, long id) throws SQLException {
        return Db.value(dataSource, "SELECT " + column + " FROM delivery WHERE id = ?", id);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static ClaimedDelivery the(long id, Outbox.Claim claim) {
        return claim.deliveries().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /** A LINE delivery to a customer who follows the brand's account. */
    private long line(String externalId, Instant due) throws SQLException {
        long customer = Db.customer(dataSource, externalId);
        execute("UPDATE customer SET line_user_id = ?, line_consent = TRUE WHERE id = ?", "U" + externalId, customer);
        long id = Db.pendingDelivery(dataSource, customer, Channel.LINE, due);
        execute("UPDATE delivery SET content = ? WHERE id = ?",
                MessageCodec.encode(new RenderedMessage.Line(List.of("{\"type\":\"text\",\"text\":\"こんにちは\"}"))), id);
        return id;
    }

    private void shouldSkipWhenTheCustomerUnsubscribesAfterTheClaim(Channel channel, long refused, long stays, Instant now)
            throws SQLException {
        Outbox.Claim claim = outbox.claim(channel, 1000, now, config.lease());
        assertTrue(the(refused, claim).consented(), "consented when the batch was claimed");
        long customer = Long.parseLong(column("customer_id", refused));

        // The unsubscribe is acknowledged while the delivery waits in the claimed batch.
        assertTrue(consents.unsubscribe(customer, channel));
        ScriptedMessenger messenger = ScriptedMessenger.accepting(channel);
        drainers.on(new ManualClock(now)).send(claim, messenger);

        assertEquals(0, messenger.times(refused), "nothing sent after the unsubscribe");
        assertEquals("SKIPPED", column("status", refused));
        assertEquals(SendGate.CONSENT_WITHDRAWN, column("last_error", refused));
        assertEquals("0", column("attempts", refused), "no attempt was made");
        assertEquals(1, messenger.times(stays), "the rest of the batch still goes out");
        assertEquals("SENT", column("status", stays));
    }

    @Test
    void shouldSkipAnEmailWhoseCustomerUnsubscribedWhileItWaitedInAClaimedBatch() throws SQLException {
        Instant now = Instant.parse("2001-11-01T03:00:00Z");
        long refused = Db.pendingDelivery(dataSource, Db.customer(dataSource, "CAS-1"), Channel.EMAIL, now.minusSeconds(2));
        long stays = Db.pendingDelivery(dataSource, Db.customer(dataSource, "CAS-2"), Channel.EMAIL, now.minusSeconds(1));
        shouldSkipWhenTheCustomerUnsubscribesAfterTheClaim(Channel.EMAIL, refused, stays, now);
    }

    @Test
    void shouldSkipALineMessageWhoseCustomerUnsubscribedWhileItWaitedInAClaimedBatch() throws SQLException {
        Instant now = Instant.parse("2001-11-15T03:00:00Z");
        long refused = line("CAS-3", now.minusSeconds(2));
        long stays = line("CAS-4", now.minusSeconds(1));
        shouldSkipWhenTheCustomerUnsubscribesAfterTheClaim(Channel.LINE, refused, stays, now);
    }

    @Test
    void shouldSendToTheNewAddressWhenTheCustomerChangedItWhileTheDeliveryWaitedInAClaimedBatch() throws SQLException {
        Instant now = Instant.parse("2001-12-01T03:00:00Z");
        long customer = Db.customer(dataSource, "CAS-5");
        long id = Db.pendingDelivery(dataSource, customer, Channel.EMAIL, now.minusSeconds(1));
        Outbox.Claim claim = outbox.claim(Channel.EMAIL, 1000, now, config.lease());
        assertEquals("hina.cas-5@example.jp", the(id, claim).recipient());

        execute("UPDATE customer SET email = ? WHERE id = ?", "hina.new@example.jp", customer);
        List<String> recipients = new CopyOnWriteArrayList<>();
        ScriptedMessenger smtp = new ScriptedMessenger(Channel.EMAIL, m -> {
            if (m.deliveryId() == id) {
                recipients.add(m.recipient());
            }
            return new SendResult.Sent("provider-" + m.deliveryId());
        });
        OutboxDrainer drainer = drainers.on(new ManualClock(now));
        drainer.send(claim, smtp);
        assertEquals(0, smtp.times(id), "not sent to the address the customer left");
        assertEquals("PENDING", column("status", id));

        drainer.drainBatch(smtp);
        assertEquals(1, smtp.times(id), "claimed again at once and sent");
        assertEquals(List.of("hina.new@example.jp"), recipients);
        assertEquals("SENT", column("status", id));
    }
}
