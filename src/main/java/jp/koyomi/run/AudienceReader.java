package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.domain.Channel;

/**
 * Reads the audience a keyset batch at a time ({@code id > checkpoint}), with everything the
 * pipeline needs about each customer in four indexed range queries per batch, never per customer.
 */
public final class AudienceReader {

    private final Duration offerWindow;
    private final Duration capWindow;

    public AudienceReader(Duration offerWindow, Duration capWindow) {
        this.offerWindow = offerWindow;
        this.capWindow = capWindow;
    }

    /**
     * The next batch after {@code checkpoint}, its customer rows locked for this transaction so two
     * runs deciding for the same customer at once count each other's messages against the cap.
     */
    public List<AudienceMember> nextBatch(Connection c, long checkpoint, int size, Instant now) throws SQLException {
        return nextBatch(c, checkpoint, Long.MAX_VALUE, size, now);
    }

    /** The next batch after {@code checkpoint} up to customer {@code lastId}, the end of a run's slice. */
    public List<AudienceMember> nextBatch(Connection c, long checkpoint, long lastId, int size, Instant now)
            throws SQLException {
        List<Row> rows = customers(c, checkpoint, lastId, size);
        if (rows.isEmpty()) {
            return List.of();
        }
        // The batch is every customer in (checkpoint, last]: the other tables are read by that key range, a
        // contiguous scan of their customer index whatever the planner's statistics say (an IN list of a
        // thousand ids was planned as a sequential scan of offer history while the run itself filled it).
        long upTo = rows.get(rows.size() - 1).id();
        Purchases purchases = purchases(c, checkpoint, upTo);
        Map<Long, Map<String, AudienceMember.CategoryPurchases>> categories = purchases.categories();
        Map<Long, Map<Long, AudienceMember.StylePurchases>> styles = purchases.styles();
        Map<Long, List<AudienceMember.PastOffer>> offers = offers(c, checkpoint, upTo, now.minus(offerWindow));
        Map<Long, Map<Channel, Integer>> messages = recentMessages(c, checkpoint, upTo, now.minus(capWindow));
        List<AudienceMember> members = new ArrayList<>(rows.size());
        for (Row r : rows) {
            members.add(new AudienceMember(r.id, r.externalId, r.familyName, r.givenName, r.familyNameKana,
                    r.givenNameKana, r.email, r.lineUserId, r.postalCode, r.prefectureCode, r.city, r.address1,
                    r.address2, r.points, r.pointsExpireOn, r.topics, r.consents, r.preferred,
                    categories.getOrDefault(r.id, Map.of()), styles.getOrDefault(r.id, Map.of()),
                    offers.getOrDefault(r.id, List.of()), messages.getOrDefault(r.id, Map.of())));
        }
        return members;
    }

    private record Row(long id, String externalId, String familyName, String givenName, String familyNameKana,
            String givenNameKana, String email, String lineUserId, String postalCode, Integer prefectureCode, String city,
            String address1, String address2, int points, LocalDate pointsExpireOn, Set<String> topics,
            Set<Channel> consents, Channel preferred) {
    }

    private static List<Row> customers(Connection c, long checkpoint, long lastId, int size) throws SQLException {
        List<Row> rows = new ArrayList<>(size);
        try (PreparedStatement s = c.prepareStatement("SELECT id, external_id, family_name, given_name, family_name_kana, "
                + "given_name_kana, email, line_user_id, postal_code, prefecture_code, city, address1, address2, points, "
                + "points_expire_on, topics, email_consent, line_consent, postal_consent, preferred_channel "
                + "FROM customer WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST " + size + " ROWS ONLY FOR UPDATE")) {
            s.setLong(1, checkpoint);
            s.setLong(2, lastId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<Channel> consents = EnumSet.noneOf(Channel.class);
                    if (rs.getBoolean(17)) {
                        consents.add(Channel.EMAIL);
                    }
                    if (rs.getBoolean(18)) {
                        consents.add(Channel.LINE);
                    }
                    if (rs.getBoolean(19)) {
                        consents.add(Channel.POSTAL);
                    }
                    String topics = rs.getString(16);
                    String preferred = rs.getString(20);
                    int prefecture = rs.getInt(10);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.wasNull() ? null : prefecture, rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getInt(14), rs.getObject(15, LocalDate.class),
                            topics == null ? Set.of() : new LinkedHashSet<>(List.of(topics.split(";"))), consents,
                            preferred == null ? null : Channel.valueOf(preferred)));
                }
            }
        }
        return rows;
    }

    /** Both purchase histories of the batch, in one round trip. */
    private record Purchases(Map<Long, Map<String, AudienceMember.CategoryPurchases>> categories,
            Map<Long, Map<Long, AudienceMember.StylePurchases>> styles) {
    }

    private static Purchases purchases(Connection c, long after, long upTo) throws SQLException {
        Purchases found = new Purchases(new HashMap<>(), new HashMap<>());
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id, CAST(NULL AS BIGINT), category, size, "
                + "purchase_count, last_purchased_at FROM customer_category WHERE customer_id > ? AND customer_id <= ? "
                + "UNION ALL SELECT customer_id, style_id, NULL, last_size, purchase_count, last_purchased_at "
                + "FROM customer_style WHERE customer_id > ? AND customer_id <= ?")) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setLong(3, after);
            s.setLong(4, upTo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long styleId = rs.getLong(2);
                    if (rs.wasNull()) {
                        found.categories().computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(3),
                                new AudienceMember.CategoryPurchases(rs.getString(4), rs.getInt(5), instant(rs, 6)));
                    } else {
                        found.styles().computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(styleId,
                                new AudienceMember.StylePurchases(rs.getInt(5), instant(rs, 6), rs.getString(4)));
                    }
                }
            }
        }
        return found;
    }

    private static Map<Long, List<AudienceMember.PastOffer>> offers(Connection c, long after, long upTo, Instant since)
            throws SQLException {
        Map<Long, List<AudienceMember.PastOffer>> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id, style_id, campaign_id, channel, offered_at "
                + "FROM offer_history WHERE customer_id > ? AND customer_id <= ? AND offered_at >= ?")) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setObject(3, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AudienceMember.PastOffer(
                            rs.getLong(2), rs.getLong(3), Channel.valueOf(rs.getString(4)), instant(rs, 5)));
                }
            }
        }
        return found;
    }

    /**
     * Marketing messages in the cap window, pending or sent, across every campaign. Status and kind are
     * filtered here rather than in SQL, so the only index the statement can use is {@code delivery_cap}
     * (customer first): with statistics that still called the table empty, the planner added the
     * outbox's {@code delivery_due} index on status, a scan of every pending delivery per batch.
     */
    private static Map<Long, Map<Channel, Integer>> recentMessages(Connection c, long after, long upTo, Instant since)
            throws SQLException {
        Map<Long, Map<Channel, Integer>> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id, channel, status, transactional, COUNT(*) "
                + "FROM delivery WHERE customer_id > ? AND customer_id <= ? AND created_at >= ? "
                + "GROUP BY customer_id, channel, status, transactional")) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setObject(3, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(3);
                    if (rs.getBoolean(4) || !(status.equals("PENDING") || status.equals("SENT"))) {
                        continue;
                    }
                    found.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Channel.class))
                            .merge(Channel.valueOf(rs.getString(2)), rs.getInt(5), Integer::sum);
                }
            }
        }
        return found;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
