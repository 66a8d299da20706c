package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.koyomi.domain.Channel;
import jp.koyomi.metrics.PipelineMetrics;
import jp.koyomi.settings.SettingsService;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.template.RenderedMessage;

/** Customers, runs and stand-alone executors (an instance each, on a clock the test moves) for run tests. */
final class RunFixtures {

    private RunFixtures() {
    }

    /** Another instance of Koyomi on the same database, as far as runs go. */
    static RunExecutor executor(AgroalDataSource db, RunConfig config, Clock clock, String instanceId) {
        RunExecutor executor = new RunExecutor();
        executor.dataSource = db;
        executor.config = config;
        executor.clock = clock;
        executor.instanceId = instanceId;
        executor.metrics = new PipelineMetrics(new SimpleMeterRegistry());
        // The settings live in the shared database: every instance reads the same ones.
        executor.settings = Arc.container().instance(SettingsService.class).get();
        return executor;
    }

    /** The configuration with smaller slices, so a small audience makes several. */
    static RunConfig withSliceSize(RunConfig config, int size) {
        return with(config, "sliceSize", size);
    }

    /** The configuration with another run lease. */
    static RunConfig withLease(RunConfig config, Duration lease) {
        return with(config, "lease", lease);
    }

    private static RunConfig with(RunConfig config, String setting, Object value) {
        return (RunConfig) Proxy.newProxyInstance(RunConfig.class.getClassLoader(), new Class<?>[] { RunConfig.class },
                (proxy, method, args) -> method.getName().equals(setting) ? value : method.invoke(config, args));
    }

    /**
     * Decides like {@code pipeline}, after signalling {@code inBatch} and waiting for {@code wake}: a
     * holder stalled in the middle of a batch, its transaction open.
     */
    static RunPipeline stalling(RunPipeline pipeline, CountDownLatch inBatch, CountDownLatch wake) {
        return member -> {
            inBatch.countDown();
            try {
                assertTrue(wake.await(5, TimeUnit.MINUTES), "never woken");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return pipeline.decide(member);
        };
    }

    /** Emails customers with this prefix who consented to email; everyone else is not in the audience. */
    static RunPipeline emailTo(String prefix) {
        return member -> member.externalId().startsWith(prefix) && member.consents().contains(Channel.EMAIL)
                ? RunOutcome.deliver(member.id(), Channel.EMAIL, new RenderedMessage.Email("件名", "<p>本文</p>", "本文"),
                        List.of(), List.of("test"))
                : RunOutcome.skip(member.id(), "NOT_IN_AUDIENCE", List.of("not this test's customer"));
    }

    /** Imports {@code count} customers; every fourth has consented to LINE only. */
    static void customers(String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String row = Csv.customer(prefix + i, "150-0001");
            rows.add(i % 4 == 0 ? row.replace(",true,false,false,", ",false,true,false,") : row);
        }
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, rows.toArray(String[]::new)))
                .post("/api/v1/imports/customers").then().statusCode(200);
    }

    /** Starts runs until this one is started; earlier ones left by other tests are run to their end first. */
    static RunExecutor.ClaimedRun start(RunExecutor executor, long runId) {
        for (int i = 0; i < 50; i++) {
            var started = executor.claimNext().orElseThrow();
            if (started.id() == runId) {
                return started;
            }
            executor.execute(started, member -> RunOutcome.skip(member.id(), "NOT_IN_AUDIENCE", List.of()));
        }
        throw new AssertionError("run " + runId + " was never started");
    }

    static long count(AgroalDataSource db, String sql, Object... args) throws SQLException {
        return Long.parseLong(Db.value(db, sql, args));
    }

    /** The run completed without error, every customer decided once, each of the {@code eligible} with one delivery. */
    static void assertDecidedOnceAndCompleted(AgroalDataSource db, long run, String prefix, long eligible)
            throws SQLException {
        assertEquals("COMPLETED", Db.value(db, "SELECT status FROM campaign_run WHERE id = ?", run));
        assertNull(Db.value(db, "SELECT error FROM campaign_run WHERE id = ?", run));
        assertEquals(count(db, "SELECT COUNT(*) FROM customer"),
                count(db, "SELECT COUNT(*) FROM run_decision WHERE run_id = ?", run), "every customer decided once");
        assertEquals(eligible, count(db, "SELECT COUNT(*) FROM delivery WHERE run_id = ?", run));
        assertEquals(eligible, count(db, "SELECT COUNT(DISTINCT customer_id) FROM delivery d JOIN customer c "
                + "ON c.id = d.customer_id WHERE run_id = ? AND c.external_id LIKE ?", run, prefix + "%"));
    }
}
