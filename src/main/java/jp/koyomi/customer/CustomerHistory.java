package jp.koyomi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.KeysetPage;
import jp.koyomi.common.NotFoundException;

/** A customer's consent changes and the items they were offered, newest first, a keyset page at a time. */
@ApplicationScoped
public class CustomerHistory {

    @Inject
    AgroalDataSource dataSource;

    public record ConsentEvent(long id, String channel, boolean granted, OffsetDateTime changedAt, String source) {
    }

    public record Offer(long id, OffsetDateTime offeredAt, long campaignId, String campaignName, long runId,
            String channel, String styleCode, String styleName) {
    }

    public KeysetPage<ConsentEvent> consentEvents(String externalId, Long after, int limit) {
        List<ConsentEvent> items = new ArrayList<>();
        query("SELECT e.id, e.channel, e.granted, e.changed_at, e.source FROM consent_event e WHERE e.customer_id = ?",
                externalId, after, limit, rs -> items.add(new ConsentEvent(rs.getLong(1), rs.getString(2),
                        rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5))));
        return new KeysetPage<>(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    public KeysetPage<Offer> offers(String externalId, Long after, int limit) {
        List<Offer> items = new ArrayList<>();
        query("SELECT e.id, e.offered_at, e.campaign_id, c.name, e.run_id, e.channel, s.style_code, s.name "
                + "FROM offer_history e JOIN campaign c ON c.id = e.campaign_id "
                + "JOIN product_style s ON s.id = e.style_id WHERE e.customer_id = ?", externalId, after, limit,
                rs -> items.add(new Offer(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8))));
        return new KeysetPage<>(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code select} (its table aliased e, filtered by customer id) for one page, newest id first. */
    private void query(String select, String externalId, Long after, int limit, Row row) {
        KeysetPage.limit(limit);
        try (Connection c = dataSource.getConnection()) {
            long customerId;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE external_id = ?")) {
                s.setString(1, externalId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("customer", externalId);
                    }
                    customerId = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(select + (after == null ? "" : " AND e.id < ?")
                    + " ORDER BY e.id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                s.setLong(1, customerId);
                if (after != null) {
                    s.setLong(2, after);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history of customer " + externalId, e);
        }
    }
}
