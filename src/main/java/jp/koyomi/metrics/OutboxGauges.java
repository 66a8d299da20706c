package jp.koyomi.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jp.koyomi.domain.Channel;

/**
 * Gauges of what waits: outbox depth, how long the oldest due delivery has waited, and whether a
 * channel is paused, per channel; runs per status. Two grouped queries serve them all, read at
 * most once per {@code koyomi.metrics.refresh} however often Prometheus scrapes.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);
    static final List<String> RUN_STATUSES = List.of("PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "MISSED");

    /** One reading of the database. */
    record Reading(Instant at, Map<Channel, long[]> outbox, Map<String, Long> runs) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricsConfig config;

    @Inject
    Clock clock;

    private volatile Reading last;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            String tag = channel.name();
            Gauge.builder("koyomi.outbox.depth", this, g -> g.outbox(channel)[0]).tag("channel", tag)
                    .description("PENDING deliveries, due or deferred").register(registry);
            Gauge.builder("koyomi.outbox.oldest.due.age", this, g -> g.outbox(channel)[1]).tag("channel", tag)
                    .baseUnit("seconds").description("How long the oldest due PENDING delivery has waited; 0 when none")
                    .register(registry);
            Gauge.builder("koyomi.outbox.channel.paused", this, g -> g.outbox(channel)[2] > 0 ? 1 : 0)
                    .tag("channel", tag).description("1 while the channel is paused (provider refused: quota, auth)")
                    .register(registry);
        }
        for (String status : RUN_STATUSES) {
            Gauge.builder("koyomi.runs", this, g -> g.reading().runs().getOrDefault(status, 0L)).tag("status", status)
                    .description("Campaign runs by status").register(registry);
        }
    }

    private long[] outbox(Channel channel) {
        return reading().outbox().getOrDefault(channel, new long[3]);
    }

    Reading reading() {
        Reading reading = last;
        Instant now = clock.instant();
        if (reading == null || !reading.at().plus(config.refresh()).isAfter(now)) {
            reading = read(now);
            last = reading;
        }
        return reading;
    }

    private Reading read(Instant now) {
        Map<Channel, long[]> outbox = new EnumMap<>(Channel.class);
        Map<String, Long> runs = new HashMap<>();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // delivery_due (status, channel, next_attempt_at) serves this: only PENDING rows are read.
        String pending = "SELECT channel, COUNT(*), MIN(CASE WHEN next_attempt_at <= ? THEN next_attempt_at END), "
                + "SUM(CASE WHEN next_attempt_at > ? AND last_error LIKE 'channel paused%' THEN 1 ELSE 0 END) "
                + "FROM delivery WHERE status = 'PENDING' GROUP BY channel";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(pending)) {
                s.setObject(1, at);
                s.setObject(2, at);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                        long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
                        outbox.put(Channel.valueOf(rs.getString(1)), new long[] { rs.getLong(2), age, rs.getLong(4) });
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM campaign_run GROUP BY status");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            // A scrape must not fail because the database is away; the previous reading stands.
            LOG.warnf("Cannot read the outbox gauges: %s", e.getMessage());
            return last == null ? new Reading(now, outbox, runs) : last;
        }
        return new Reading(now, outbox, runs);
    }
}
