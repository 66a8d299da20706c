package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.domain.Channel;
import jp.koyomi.relevance.SkipReason;

/** A run's decision per customer, filtered and read a keyset page at a time (in customer id order). */
@ApplicationScoped
public class RunDecisions {

    public static final int MAX_PAGE = 1000;

    @Inject
    AgroalDataSource dataSource;

    /** What to list; null filters match everything. {@code after} is the previous page's {@code next_after}. */
    public record Query(String outcome, String skipReason, String channel, String customer, Long after, int limit) {
    }

    /** One customer's decision: what the run did for them, and why not when it skipped them. */
    @Schema(name = "RunDecision", requiredProperties = { "customer_external_id", "outcome" })
    public record Item(String customerExternalId,
            @Schema(enumeration = { "SENT_TO_OUTBOX", "SKIPPED", "HOLDOUT" }) String outcome,
            @Schema(description = "Why the customer was skipped (docs/relevance.md lists the reasons)", examples = "NO_SIZE_IN_STOCK") String skipReason,
            @Schema(enumeration = { "EMAIL", "LINE", "POSTAL" }, description = "The channel of the message put in the outbox") String channel) {
    }

    /** @param nextAfter pass as {@code after} for the following page; null on the last page */
    @Schema(name = "RunDecisionPage", requiredProperties = { "items", "next_after" })
    public record Page(List<Item> items,
            @Schema(nullable = true, description = "Pass as after for the next page; null on the last page") Long nextAfter) {
    }

    public Page page(long runId, Query q) {
        validate(q);
        StringBuilder sql = new StringBuilder("SELECT d.customer_id, c.external_id, d.outcome, d.skip_reason, d.channel "
                + "FROM run_decision d JOIN customer c ON c.id = d.customer_id WHERE d.run_id = ? AND d.customer_id > ?");
        List<Object> args = new ArrayList<>(List.of(runId, q.after() == null ? 0L : q.after()));
        filter(sql, args, "d.outcome", q.outcome());
        filter(sql, args, "d.skip_reason", q.skipReason());
        filter(sql, args, "d.channel", q.channel());
        filter(sql, args, "c.external_id", q.customer());
        // The primary key (run_id, customer_id) serves this order: a page costs the same deep in a big run.
        sql.append(" ORDER BY d.customer_id FETCH FIRST ? ROWS ONLY");
        args.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection()) {
            requireRun(c, runId);
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<Item> items = new ArrayList<>();
                long last = 0;
                boolean more = false;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == q.limit()) {
                            more = true;
                            break;
                        }
                        last = rs.getLong(1);
                        items.add(new Item(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return new Page(items, more ? last : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the decisions of run " + runId, e);
        }
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void requireRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM campaign_run WHERE id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("run", runId);
                }
            }
        }
    }

    private static void validate(Query q) {
        if (q.limit() < 1 || q.limit() > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (q.after() != null && q.after() < 0) {
            throw new InvalidInputException("after", "the next_after of the previous page");
        }
        oneOf("outcome", q.outcome(), names(RunOutcome.Kind.values()));
        oneOf("skip_reason", q.skipReason(), names(SkipReason.values()));
        oneOf("channel", q.channel(), names(Channel.values()));
    }

    private static void oneOf(String param, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidInputException(param, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
