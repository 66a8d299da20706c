package jp.koyomi.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;
import jp.koyomi.imports.Cells;
import jp.koyomi.imports.ImportErrors;
import jp.koyomi.imports.Row;
import jp.koyomi.imports.RowImporter;
import jp.koyomi.imports.Sql;

/**
 * Product rows of API.md: one row per variant (key {@code sku}), the style's fields repeated on
 * each. A row is the whole definition of its variant and style: absent optional columns clear.
 * Rows of one style must agree on the style's fields.
 */
public class ProductImporter implements RowImporter<ProductImporter.Parsed> {

    private static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("style_code", "name", "category", "season",
            "climate", "lifecycle", "discontinue_on", "price", "markdown_price", "url", "image_url", "sku", "size",
            "color", "stock"));
    private static final Spec SPEC = new Spec("product", COLUMNS,
            Set.of("style_code", "name", "category", "price", "sku"), "sku");

    private final Clock clock;
    /** Style fields as first seen in this import, to catch rows of one style that disagree. */
    private final Map<String, SeenStyle> seenStyles = new HashMap<>();

    /** One importer serves one import: it remembers the styles the file has shown so far. */
    public ProductImporter(Clock clock) {
        this.clock = clock;
    }

    public record Style(String code, String name, String category, Season season, Climate climate, Lifecycle lifecycle,
            LocalDate discontinueOn, int price, Integer markdownPrice, String url, String imageUrl) {
    }

    public record Parsed(Style style, String sku, String size, String color, int stock) {
    }

    private record SeenStyle(Style style, int row) {
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public String key(Parsed record) {
        return record.sku();
    }

    @Override
    public Parsed parse(Row row, ImportErrors errors) {
        int before = errors.total();
        Cells cells = new Cells(row, errors);
        String code = cells.required("style_code", 64);
        String name = cells.required("name", 200);
        String category = cells.required("category", 64);
        Season season = orDefault(cells.enumValue("season", Season.class), Season.ALL);
        Climate climate = orDefault(cells.enumValue("climate", Climate.class), Climate.ALL);
        Lifecycle lifecycle = orDefault(cells.enumValue("lifecycle", Lifecycle.class), Lifecycle.ACTIVE);
        LocalDate discontinueOn = cells.date("discontinue_on");
        Integer price = cells.requiredInteger("price", 0);
        Integer markdown = cells.integer("markdown_price", 0);
        if (price != null && markdown != null && markdown >= price) {
            cells.error("markdown_price", markdown + " is not below the price " + price);
        }
        String url = url(cells, "url");
        String imageUrl = url(cells, "image_url");
        String sku = cells.required("sku", 64);
        String size = cells.text("size", 16);
        String color = cells.text("color", 32);
        Integer stock = cells.integer("stock", 0);
        if (errors.total() > before) {
            return null;
        }
        Style style = new Style(code, name, category, season, climate, lifecycle, discontinueOn, price, markdown, url,
                imageUrl);
        SeenStyle seen = seenStyles.putIfAbsent(code, new SeenStyle(style, row.number()));
        if (seen != null && !seen.style().equals(style)) {
            cells.error(differingField(seen.style(), style), "differs from row " + seen.row()
                    + " of the same style_code " + code + "; every row of a style must repeat the same style fields");
            return null;
        }
        return new Parsed(style, sku, size, color, stock == null ? 0 : stock);
    }

    private static String differingField(Style a, Style b) {
        if (!a.name().equals(b.name())) {
            return "name";
        }
        if (!a.category().equals(b.category())) {
            return "category";
        }
        if (a.season() != b.season()) {
            return "season";
        }
        if (a.climate() != b.climate()) {
            return "climate";
        }
        if (a.lifecycle() != b.lifecycle()) {
            return "lifecycle";
        }
        if (!Objects.equals(a.discontinueOn(), b.discontinueOn())) {
            return "discontinue_on";
        }
        if (a.price() != b.price()) {
            return "price";
        }
        if (!Objects.equals(a.markdownPrice(), b.markdownPrice())) {
            return "markdown_price";
        }
        return Objects.equals(a.url(), b.url()) ? "image_url" : "url";
    }

    private static <E> E orDefault(E value, E fallback) {
        return value == null ? fallback : value;
    }

    private static String url(Cells cells, String field) {
        String v = cells.text(field, 500);
        if (v != null && !(v.startsWith("https://") || v.startsWith("http://"))) {
            cells.error(field, "'" + v + "' is not an http(s) URL");
            return null;
        }
        return v;
    }

    @Override
    public List<Parsed> resolve(List<Parsed> batch, Connection connection, ImportErrors errors) {
        return batch;
    }

    @Override
    public int write(List<Parsed> batch, Connection connection) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Style> styles = new LinkedHashMap<>();
        batch.forEach(p -> styles.putIfAbsent(p.style().code(), p.style()));
        Map<String, Long> styleIds = upsertStyles(styles, now, connection);
        Map<String, Long> variantIds = Sql.ids(connection, "product_variant", "sku",
                batch.stream().map(Parsed::sku).toList());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO product_variant (style_id, size, color, stock, updated_at, sku) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE product_variant SET style_id = ?, size = ?, color = ?, stock = ?, updated_at = ? "
                                + "WHERE sku = ?")) {
            for (Parsed p : batch) {
                PreparedStatement s = variantIds.containsKey(p.sku()) ? update : insert;
                s.setLong(1, styleIds.get(p.style().code()));
                s.setString(2, p.size());
                s.setString(3, p.color());
                s.setInt(4, p.stock());
                s.setObject(5, now);
                s.setString(6, p.sku());
                s.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return (int) batch.stream().filter(p -> !variantIds.containsKey(p.sku())).count();
    }

    private static Map<String, Long> upsertStyles(Map<String, Style> styles, OffsetDateTime now, Connection connection)
            throws SQLException {
        Map<String, Long> existing = Sql.ids(connection, "product_style", "style_code", new ArrayList<>(styles.keySet()));
        String fields = "name = ?, category = ?, season = ?, climate = ?, lifecycle = ?, discontinue_on = ?, price = ?, "
                + "markdown_price = ?, url = ?, image_url = ?, updated_at = ?";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO product_style (name, category, season, "
                + "climate, lifecycle, discontinue_on, price, markdown_price, url, image_url, updated_at, style_code, "
                + "arrived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE product_style SET " + fields + " WHERE style_code = ?")) {
            for (Style style : styles.values()) {
                boolean known = existing.containsKey(style.code());
                PreparedStatement s = known ? update : insert;
                s.setString(1, style.name());
                s.setString(2, style.category());
                s.setString(3, style.season().name());
                s.setString(4, style.climate().name());
                s.setString(5, style.lifecycle().name());
                s.setObject(6, style.discontinueOn());
                s.setInt(7, style.price());
                s.setObject(8, style.markdownPrice());
                s.setString(9, style.url());
                s.setString(10, style.imageUrl());
                s.setObject(11, now);
                s.setString(12, style.code());
                if (!known) {
                    s.setObject(13, now);
                }
                s.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return Sql.ids(connection, "product_style", "style_code", new ArrayList<>(styles.keySet()));
    }
}
