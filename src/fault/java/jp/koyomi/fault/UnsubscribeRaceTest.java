package jp.koyomi.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Channel;
import jp.koyomi.link.LinkSettings;
import jp.koyomi.link.SignedLinks;

/** Customers unsubscribe while the run's emails to them are claimed and about to go out. */
class UnsubscribeRaceTest extends FaultCase {

    // Consent is read again in the statement that holds each row for its send (Outbox.hold), not only
    // when a worker claims its batch (before that fix: 20 of 20 still got their email).
    @Test
    void shouldSendNothingAfterTheUnsubscribeIsAcknowledged() throws Exception {
        Map<String, String> settings = baseProperties();
        // Large claims: many deliveries sit claimed and not yet sent while the unsubscribes arrive.
        settings.put("koyomi.outbox.batch-size", "200");
        settings.put("koyomi.runs.batch-size", "500");
        KoyomiProcess koyomi = koyomi("koyomi", settings).start();
        SignedLinks links = new SignedLinks(new LinkSettings(URI.create(koyomi.baseUrl()), LINK_SECRET), Clock.systemUTC());
        long run = approveAndRunNow(koyomi, NEWSLETTER);
        koyomi.await("run " + run + " has SENT and PENDING emails at once", LONG,
                () -> deliveries(run, "EMAIL", "SENT") > 0 && db.count("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND "
                        + "channel = 'EMAIL' AND status = 'PENDING' AND claimed_until > CURRENT_TIMESTAMP", run) > 40);

        // Customers whose emails a worker has claimed but not reached yet: the last rows of the claimed
        // batches (a worker sends its batch in id order). They unsubscribe now, before their turn comes.
        List<Map<String, Object>> racing = db.rows("SELECT d.customer_id, c.email FROM delivery d JOIN customer c ON "
                + "c.id = d.customer_id WHERE d.run_id = ? AND d.channel = 'EMAIL' AND d.status = 'PENDING' "
                + "AND d.claimed_until > CURRENT_TIMESTAMP ORDER BY d.id DESC FETCH FIRST 20 ROWS ONLY", run);
        assertTrue(racing.size() >= 5, "claimed, unsent emails to race: " + racing.size());
        int sentAfterAck = 0;
        int sentBeforeAck = 0;
        int onTheWire = 0;
        List<String> late = new ArrayList<>();
        Map<String, Set<String>> receivedAtAck = new java.util.HashMap<>();
        Set<String> heldAtAck = new HashSet<>();
        for (Map<String, Object> customer : racing) {
            long id = ((Number) customer.get("customer_id")).longValue();
            koyomi.expect(200, koyomi.postAnonymous(links.unsubscribeUrl(id, Channel.EMAIL).toString()), "unsubscribe");
            // Acknowledged: what this customer has received up to now is all they may ever get.
            String email = (String) customer.get("email");
            receivedAtAck.put(email, smtp.received().stream().filter(m -> m.recipient().equals(email))
                    .map(SmtpSink.Mail::messageId).collect(Collectors.toSet()));
            // Held for its send before the acknowledgement: already on the wire, which no unsubscribe can
            // call back (docs/reliability.md). Any hold after it reads the withdrawn consent.
            if (db.count("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND customer_id = ? AND channel = 'EMAIL' "
                    + "AND attempts > 0", run, id) > 0) {
                heldAtAck.add(email);
            }
        }
        awaitRunCompleted(run);
        awaitSendsSettled(run);

        for (Map<String, Object> customer : racing) {
            String email = (String) customer.get("email");
            Set<String> now = smtp.received().stream().filter(m -> m.recipient().equals(email))
                    .map(SmtpSink.Mail::messageId).collect(Collectors.toCollection(HashSet::new));
            if (!receivedAtAck.get(email).isEmpty()) {
                sentBeforeAck++;
            }
            now.removeAll(receivedAtAck.get(email));
            if (!now.isEmpty() && heldAtAck.contains(email)) {
                onTheWire++;
            } else if (!now.isEmpty()) {
                sentAfterAck++;
                late.add(email);
            }
        }
        Once once = exactlyOnce(run);
        long skipped = db.count("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND channel = 'EMAIL' AND status = 'SKIPPED'",
                run);
        report(1, once, racing.size() + " unsubscribes racing the run (" + sentBeforeAck + " had their email before the "
                + "acknowledgement, " + onTheWire + " held for its send before it and received after), " + sentAfterAck
                + " held and sent after it; " + logLines() + " log lines scanned");
        assertEquals(0, once.lost(), "SENT deliveries that never arrived: " + once);
        assertEquals(0, once.twice(), "recipients who got the message twice: " + once);
        assertEquals(0, sentAfterAck, "emails held for sending after the customer's unsubscribe was acknowledged: " + late);
        assertTrue(skipped >= racing.size() - sentBeforeAck - onTheWire, "the racing deliveries ended SKIPPED: " + skipped);
        assertLogsHoldNoSecrets();
    }
}
