package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;
import jp.koyomi.relevance.CatalogSnapshot;
import jp.koyomi.relevance.Style;
import jp.koyomi.relevance.Variant;

/** Reads the whole catalog once per run into the relevance engine's read-only snapshot. */
final class CatalogLoader {

    /** The snapshot and the database ids of its styles, to write offer history. */
    record Loaded(CatalogSnapshot snapshot, Map<String, Long> idByCode, Map<Long, String> codeById) {
    }

    private CatalogLoader() {
    }

    static Loaded load(Connection c) throws SQLException {
        Map<Long, List<Variant>> variants = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT style_id, sku, size, color, stock FROM product_variant");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                variants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Variant(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
        }
        List<Style> styles = new ArrayList<>();
        Map<String, Long> idByCode = new LinkedHashMap<>();
        Map<Long, String> codeById = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, style_code, name, category, season, climate, lifecycle, "
                + "discontinue_on, price, markdown_price, url, image_url, arrived_at FROM product_style");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int markdown = rs.getInt(10);
                Integer markdownPrice = rs.wasNull() ? null : markdown;
                styles.add(new Style(rs.getString(2), rs.getString(3), rs.getString(4), Season.valueOf(rs.getString(5)),
                        Climate.valueOf(rs.getString(6)), Lifecycle.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getInt(9), markdownPrice, rs.getString(11), rs.getString(12),
                        rs.getObject(13, OffsetDateTime.class).toInstant(), variants.getOrDefault(id, List.of())));
                idByCode.put(rs.getString(2), id);
                codeById.put(id, rs.getString(2));
            }
        }
        return new Loaded(CatalogSnapshot.of(styles), idByCode, codeById);
    }
}
