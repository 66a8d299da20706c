package jp.koyomi.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** Every delivery up to this id is finished and purged already (per instance; 0 after a start). */
    private volatile long walkFrom;

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
     * Walks deliveries by id (the primary key: each batch is an index range) from the first one the
     * last walk had to keep, so old, already purged rows are not read again every hour.
     */
    private long dropBodies(Instant cutoff) {
        long after = walkFrom;
        long dropped = 0;
        long firstKept = Long.MAX_VALUE;
        while (true) {
            long from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> dropBatch(from, cutoff));
            dropped += batch.dropped();
            firstKept = Math.min(firstKept, batch.firstKept());
            if (batch.done()) {
                walkFrom = firstKept == Long.MAX_VALUE ? batch.last() : firstKept - 1;
                return dropped;
            }
            after = batch.last();
        }
    }

    /** One walked batch: the last id read, the first id that had to be kept, the bodies dropped. */
    private record Batch(long last, long firstKept, int dropped, boolean done) {
    }

    private Batch dropBatch(long after, Instant cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long last = after;
        long firstKept = Long.MAX_VALUE;
        int rows = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, status, created_at, LENGTH(content) FROM delivery "
                    + "WHERE id > ? ORDER BY id FETCH FIRST " + config.batchSize() + " ROWS ONLY")) {
                s.setLong(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last = rs.getLong(1);
                        boolean old = rs.getObject(3, OffsetDateTime.class).toInstant().isBefore(cutoff);
                        if (old && !rs.getString(2).equals("PENDING")) {
                            if (rs.getLong(4) > 0) {
                                ids.add(last);
                            }
                        } else {
                            firstKept = Math.min(firstKept, last);
                        }
                    }
                }
            }
            if (!ids.isEmpty()) {
                // A retry of failed deliveries may have made a row read above PENDING again: its body must stay.
                try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET content = ? WHERE id = ? "
                        + "AND status <> 'PENDING'")) {
                    for (long id : ids) {
                        s.setString(1, PURGED);
                        s.setLong(2, id);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        }
        return new Batch(last, firstKept, ids.size(), rows < config.batchSize());
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
