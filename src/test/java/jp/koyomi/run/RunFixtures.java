package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.koyomi.domain.Channel;
import jp.koyomi.metrics.PipelineMetrics;
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
        return executor;
    }

    /** The configuration with smaller slices, so a small audience makes several. */
    static RunConfig withSliceSize(RunConfig config, int size) {
        return (RunConfig) Proxy.newProxyInstance(RunConfig.class.getClassLoader(), new Class<?>[] { RunConfig.class },
                (proxy, method, args) -> method.getName().equals("sliceSize") ? size : method.invoke(config, args));
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

    static long pendingRun(AgroalDataSource db, String name) throws SQLException {
        int campaign = as("marketer").contentType("application/json").body("{\"name\":\"" + name + "\",\"definition\":"
                + "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":"
                + "[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":1},\"holdout_percent\":0}}")
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO campaign_run (campaign_id, occurrence_at, kind, status, revision, created_at) "
                        + "VALUES (?, ?, 'MANUAL', 'PENDING', 1, ?)", new String[] { "id" })) {
            s.setLong(1, campaign);
            s.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
            s.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
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
}
