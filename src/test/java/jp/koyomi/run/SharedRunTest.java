package jp.koyomi.run;

import static jp.koyomi.run.RunFixtures.count;
import static jp.koyomi.run.RunFixtures.customers;
import static jp.koyomi.run.RunFixtures.emailTo;
import static jp.koyomi.run.RunFixtures.executor;
import static jp.koyomi.run.RunFixtures.pendingRun;
import static jp.koyomi.run.RunFixtures.start;
import static jp.koyomi.run.RunFixtures.withSliceSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Db;

/** Issue 13: one run executed by two instances at once, each customer decided and each delivery made once. */
@QuarkusTest
class SharedRunTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunConfig config;

    @Test
    void twoInstancesShareARunSliceBySliceAndDecideEveryCustomerOnce() throws Exception {
        customers("SR-", 40);
        long run = pendingRun(dataSource, "共有実行テスト");
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
    }
}
