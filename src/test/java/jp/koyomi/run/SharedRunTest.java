package jp.koyomi.run;

import static jp.koyomi.run.RunFixtures.count;
import static jp.koyomi.run.RunFixtures.customers;
import static jp.koyomi.run.RunFixtures.emailTo;
import static jp.koyomi.run.RunFixtures.executor;
import static jp.koyomi.run.RunFixtures.start;
import static jp.koyomi.run.RunFixtures.withSliceSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.delivery.Messenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.OutboxDrainer;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

/** Issue 13: one run executed by two instances at once, each customer decided once and each delivery sent once. */
@QuarkusTest
class SharedRunTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunConfig config;

    @Inject
    OutboxDrainer drainer;

    @Test
    void shouldCutAnAudienceLargerThanOneSliceIntoThirtyTwoSlicesSoThreadsFinishTogether() throws SQLException {
        customers("SL-", 70);
        long run = Runs.pending(dataSource, "スライス分割テスト");
        try (Connection c = dataSource.getConnection()) {
            RunSlices.planOrReopen(c, run, 0, 20, 2);
        }
        long customers = count(dataSource, "SELECT COUNT(*) FROM customer");
        long slices = count(dataSource, "SELECT COUNT(*) FROM run_slice WHERE run_id = ?", run);
        assertTrue(slices >= 32, customers + " customers in " + slices + " slices");
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM run_slice WHERE run_id = ? AND last_id < 9223372036854775807 "
                + "AND (SELECT COUNT(*) FROM customer WHERE id > after_id AND id <= last_id) > 20", run),
                "no slice holds more than the slice size");
    }

    @Test
    void twoInstancesShareARunSliceBySliceDecideEveryCustomerOnceAndSendEachDeliveryOnce() throws Exception {
        customers("SR-", 40);
        long run = Runs.pending(dataSource, "共有実行テスト");
        RunConfig small = withSliceSize(config, 7);
        RunExecutor one = executor(dataSource, small, Clock.systemUTC(), "instance-1");
        RunExecutor two = executor(dataSource, small, Clock.systemUTC(), "instance-2");
        start(one, run);
        assertTrue(count(dataSource, "SELECT COUNT(*) FROM run_slice WHERE run_id = ?", run) >= 6, "40 and more customers in slices of 7");

        // The first instance holds its first slice until the second has decided someone: both take part.
        CountDownLatch secondStarted = new CountDownLatch(1);
        RunPipeline byTwo = emailTo("SR-");
        RunPipeline byOne = member -> {
            try {
                assertTrue(secondStarted.await(60, TimeUnit.SECONDS), "the second instance never started");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return byTwo.decide(member);
        };
        RunExecutor.ClaimedSlice first = one.claimSlice(Optional.of(run)).orElseThrow();
        CompletableFuture<Void> oneDone = CompletableFuture.runAsync(() -> {
            one.execute(first, byOne);
            one.execute(first.run(), byOne);
        });
        CompletableFuture<Void> twoDone = CompletableFuture.runAsync(() -> two.execute(first.run(), member -> {
            secondStarted.countDown();
            return byTwo.decide(member);
        }));
        CompletableFuture.allOf(oneDone, twoDone).get(5, TimeUnit.MINUTES);

        assertEquals("COMPLETED", Db.value(dataSource, "SELECT status FROM campaign_run WHERE id = ?", run));
        assertEquals(2, count(dataSource, "SELECT COUNT(DISTINCT owner) FROM run_slice WHERE run_id = ?", run),
                "both instances executed slices");
        assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM run_slice WHERE run_id = ? AND status <> 'DONE'", run));
        assertEquals(count(dataSource, "SELECT COUNT(*) FROM customer"),
                count(dataSource, "SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run), "every customer decided");
        assertEquals(30, count(dataSource, "SELECT COUNT(*) FROM delivery WHERE run_id = ?", run),
                "40 customers, every fourth without email consent");
        assertEquals(30, count(dataSource, "SELECT COUNT(DISTINCT customer_id) FROM delivery WHERE run_id = ?", run),
                "no customer got two");

        // Two workers drain the outbox at once: each of the run's deliveries goes out once.
        List<Long> sent = new CopyOnWriteArrayList<>();
        Messenger email = new Messenger() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                sent.add(message.deliveryId());
                return new SendResult.Sent("sink-" + message.deliveryId());
            }
        };
        Runnable drain = () -> {
            while (drainer.drainBatch(email) > 0) {
                // until nothing is due
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(drain), CompletableFuture.runAsync(drain)).get(5, TimeUnit.MINUTES);
        List<Long> ours = deliveriesOf(run);
        assertEquals(30, ours.size());
        for (long delivery : ours) {
            assertEquals(1, sent.stream().filter(id -> id == delivery).count(), "delivery " + delivery + " sent once");
        }
        assertEquals(30, count(dataSource, "SELECT COUNT(*) FROM delivery WHERE run_id = ? AND status = 'SENT'", run));
    }

    private List<Long> deliveriesOf(long run) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM delivery WHERE run_id = ?")) {
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
