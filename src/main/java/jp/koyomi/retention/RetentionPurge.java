package jp.koyomi.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.koyomi.campaign.CampaignScheduler;
import jp.koyomi.run.RunConfig;

/**
 * Drops what has served its purpose, a small batch per transaction: the rendered body of a finished
 * delivery (its row, status and times stay, so run counts and the frequency cap are unchanged) and
 * offer history older than every "no repeats" window. PENDING deliveries are never touched, so the
 * purge takes no lock a sender waits for.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    /** What a purged body reads; nothing reads the body of a finished delivery. */
    static final String PURGED = "";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RetentionConfig config;

    @Inject
    RunConfig runs;

    @Inject
    Clock clock;

    @Scheduled(every = "${koyomi.retention.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = CampaignScheduler.Disabled.class)
    void scheduled() {
        if (config.enabled()) {
            purge();
        }
    }

    /** One whole purge; returns the bodies dropped and the offer history rows deleted. */
    public Purged purge() {
        Instant now = clock.instant();
        long bodies = dropBodies(now.minus(config.bodies()));
        Duration keep = config.offerHistory().compareTo(runs.offerHistoryWindow()) >= 0 ? config.offerHistory()
                : runs.offerHistoryWindow();
        long offers = deleteOffers(now.minus(keep));
        if (bodies + offers > 0) {
            LOG.infof("Retention: dropped %d delivery bodies, deleted %d offer history rows", bodies, offers);
        }
        return new Purged(bodies, offers);
    }

    public record Purged(long bodies, long offers) {
    }

    /**
     * Walks deliveries by id (the primary key; ids grow with time) and stops at the first one made
     * after the cutoff, so every batch reads an index range, never the whole table.
     */
    private long dropBodies(Instant cutoff) {
        long after = 0;
        long dropped = 0;
        while (true) {
            long from = after;
            long[] result = QuarkusTransaction.requiringNew().call(() -> dropBatch(from, cutoff));
            dropped += result[1];
            if (result[0] < 0) {
                return dropped;
            }
            after = result[0];
        }
    }

    /** Returns {the last id looked at, or -1 when the walk is done; bodies dropped}. */
    private long[] dropBatch(long after, Instant cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long last = after;
        boolean done = false;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, status, created_at, LENGTH(content) FROM delivery "
                    + "WHERE id > ? ORDER BY id FETCH FIRST " + config.batchSize() + " ROWS ONLY")) {
                s.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        if (!rs.getObject(3, java.time.OffsetDateTime.class).toInstant().isBefore(cutoff)) {
                            done = true;
                            break;
                        }
                        last = rs.getLong(1);
                        if (!rs.getString(2).equals("PENDING") && rs.getLong(4) > 0) {
                            ids.add(last);
                        }
                    }
                }
                done |= rows < config.batchSize();
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET content = ? WHERE id = ?")) {
                    for (long id : ids) {
                        s.setString(1, PURGED);
                        s.setLong(2, id);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        }
        return new long[] { done ? -1 : last, ids.size() };
    }

    private long deleteOffers(Instant cutoff) {
        long deleted = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                        "DELETE FROM offer_history WHERE id IN (SELECT id FROM offer_history WHERE offered_at < ? "
                                + "ORDER BY id FETCH FIRST " + config.batchSize() + " ROWS ONLY)")) {
                    s.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                    return s.executeUpdate();
                }
            });
            deleted += n;
            if (n < config.batchSize()) {
                return deleted;
            }
        }
    }
}
