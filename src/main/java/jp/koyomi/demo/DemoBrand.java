package jp.koyomi.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jp.koyomi.imports.Row;

/**
 * Generates the demo brand as import rows, deterministically: customer {@code i} is the same on
 * every machine and every run for the same day, so N customers can be made in chunks, streamed.
 * Dates are relative to {@code today} so that "points expiring within a month" stays true.
 */
public final class DemoBrand {

    static final List<String> TOPICS = List.of("new-arrivals", "styling", "care-guides", "sale", "stories");
    private static final int[] SIZE_WEIGHTS = { 5, 20, 35, 25, 10, 5 };
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final List<String> CATEGORIES = List.of("coats", "knitwear", "jeans", "shirts", "tshirts", "shoes",
            "accessories", "care");

    private final LocalDate today;
    private final List<DemoCatalog.Style> styles;
    /** Orders pick from the active styles of a category several times per customer: grouped once. */
    private final Map<String, List<DemoCatalog.Style>> activeByCategory;

    public DemoBrand(LocalDate today) {
        this.today = today;
        this.styles = DemoCatalog.styles(today);
        this.activeByCategory = styles.stream().filter(s -> s.lifecycle().equals("ACTIVE"))
                .collect(Collectors.groupingBy(DemoCatalog.Style::category));
    }

    public static String externalId(int i) {
        return String.format("DEMO-%06d", i);
    }

    /** Customers who bought the discontinuing jeans JN-204 three times, always in M. */
    static boolean boughtLastChanceJeansInM(int i) {
        return i % 125 == 7;
    }

    /** Customers who bought the discontinuing jeans JN-310 (M still in stock) in M. */
    static boolean boughtJeansWithMLeft(int i) {
        return i % 125 == 19;
    }

    public List<DemoCatalog.Style> styles() {
        return styles;
    }

    public Iterator<Row> productRows() {
        List<Row> rows = new ArrayList<>();
        for (DemoCatalog.Style s : styles) {
            for (var stock : s.stockBySize().entrySet()) {
                Map<String, String> cells = new LinkedHashMap<>();
                cells.put("style_code", s.code());
                cells.put("name", s.name());
                cells.put("category", s.category());
                cells.put("season", s.season());
                cells.put("climate", s.climate());
                cells.put("lifecycle", s.lifecycle());
                cells.put("discontinue_on", s.discontinueOn() == null ? "" : s.discontinueOn().toString());
                cells.put("price", Integer.toString(s.price()));
                cells.put("markdown_price", s.markdownPrice() == null ? "" : s.markdownPrice().toString());
                cells.put("url", "https://shop.koyomi-apparel.example/p/" + s.code().toLowerCase());
                cells.put("image_url", "https://shop.koyomi-apparel.example/img/" + s.code().toLowerCase() + ".jpg");
                cells.put("sku", sku(s, stock.getKey()));
                cells.put("size", stock.getKey());
                cells.put("color", s.color());
                cells.put("stock", stock.getValue().toString());
                rows.add(new Row(rows.size() + 1, cells));
            }
        }
        return rows.iterator();
    }

    /** Customers {@code from} to {@code to} (inclusive), one row each. */
    public Iterator<Row> customerRows(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> new Row(i - from + 1, customer(i))).iterator();
    }

    /** The order lines of customers {@code from} to {@code to}, two to three years of them. */
    public Iterator<Row> orderRows(int from, int to) {
        int[] number = { 0 };
        return IntStream.rangeClosed(from, to).boxed().flatMap(i -> orders(i).stream())
                .map(cells -> new Row(++number[0], cells)).iterator();
    }

    /** Customer {@code i} as import cells (named like the CSV columns). */
    Map<String, String> customer(int i) {
        Random r = new Random(0x5EEDL * 31 + i);
        DemoNames.Name family = pick(r, DemoNames.FAMILY);
        DemoNames.Name given = pick(r, DemoNames.GIVEN);
        DemoAddresses.Town town = town(r);
        // 30% LINE only, 20% email only, 8% postal only, 20% email + LINE, 10% all three,
        // 7% email + postal, 5% nothing.
        int profile = r.nextInt(100);
        boolean line = profile < 30 || profile >= 58 && profile < 88;
        boolean email = profile >= 30 && profile < 50 || profile >= 58 && profile < 95;
        boolean postal = profile >= 50 && profile < 58 || profile >= 78 && profile < 95;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("external_id", externalId(i));
        c.put("family_name", family.kanji());
        c.put("given_name", given.kanji());
        c.put("family_name_kana", family.kana());
        c.put("given_name_kana", given.kana());
        c.put("email", email || r.nextInt(10) < 8 ? given.romaji() + "." + family.romaji() + i + "@example.jp" : "");
        c.put("line_user_id", line || r.nextInt(10) < 3 ? lineUserId(r) : "");
        c.put("postal_code", town.postalCode());
        c.put("prefecture", String.format("%02d", town.prefecture()));
        c.put("city", town.city());
        c.put("address1", (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(20)));
        c.put("address2", r.nextInt(3) == 0 ? "コーポ" + family.kanji() + " " + (1 + r.nextInt(4)) + "0" + (1 + r.nextInt(6)) : "");
        c.put("birthday", LocalDate.of(1955 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)).toString());
        c.put("email_consent", Boolean.toString(email));
        c.put("line_consent", Boolean.toString(line));
        c.put("postal_consent", Boolean.toString(postal));
        c.put("preferred_channel", preferred(r, email, line, postal));
        c.put("topics", topics(r));
        boolean hasPoints = r.nextInt(10) < 7;
        c.put("points", hasPoints ? Integer.toString(100 + r.nextInt(80) * 100) : "0");
        c.put("points_expire_on", hasPoints
                ? today.plusDays(r.nextInt(4) == 0 ? 1 + r.nextInt(30) : 31 + r.nextInt(335)).toString() : "");
        return c;
    }

    /** The order lines of customer {@code i} as import cells, the lines of one order next to each other. */
    List<Map<String, String>> orders(int i) {
        Random r = new Random(0x0DDL * 131 + i);
        int apparel = weightedSize(r);
        boolean seedM = boughtLastChanceJeansInM(i) || boughtJeansWithMLeft(i);
        if (seedM) {
            apparel = 2;
        }
        int shoe = weightedSize(r);
        List<String> favourites = List.of(pick(r, CATEGORIES), pick(r, CATEGORIES), pick(r, CATEGORIES));
        List<Map<String, String>> lines = new ArrayList<>();
        // One to four orders: about five order lines a customer, as the benchmark brand's 1,000,000
        // customers with ~5,000,000 lines (issue 13).
        int orders = 1 + r.nextInt(4);
        for (int n = 1; n <= orders; n++) {
            String orderId = "D" + i + "-" + n;
            OffsetDateTime at = at(r, 30 + r.nextInt(870));
            int items = 1 + r.nextInt(3);
            List<String> skus = new ArrayList<>();
            for (int k = 0; k < items; k++) {
                String category = r.nextInt(10) < 8 ? favourites.get(r.nextInt(favourites.size())) : pick(r, CATEGORIES);
                DemoCatalog.Style style = styleIn(r, category);
                int sizeIndex = style.category().equals("shoes") ? shoe : apparel;
                if (r.nextInt(10) == 0) {
                    sizeIndex = Math.max(0, Math.min(5, sizeIndex + (r.nextBoolean() ? 1 : -1)));
                }
                String sku = style.oneSize() ? sku(style, "")
                        : sku(style, sizesOf(style).get(sizeIndex));
                if (!skus.contains(sku)) {
                    skus.add(sku);
                    lines.add(line(orderId, i, at, sku, style.price()));
                }
            }
        }
        if (boughtLastChanceJeansInM(i)) {
            for (int n = 1; n <= 3; n++) {
                lines.add(line("D" + i + "-JN204-" + n, i, at(r, 100 + n * 180), DemoCatalog.LAST_CHANCE_JEANS + "-M", 12900));
            }
        }
        if (boughtJeansWithMLeft(i)) {
            for (int n = 1; n <= 2; n++) {
                lines.add(line("D" + i + "-JN310-" + n, i, at(r, 120 + n * 200), DemoCatalog.JEANS_WITH_M_LEFT + "-M", 11900));
            }
        }
        return lines;
    }

    private static Map<String, String> line(String orderId, int customer, OffsetDateTime at, String sku, int price) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("order_id", orderId);
        cells.put("customer_external_id", externalId(customer));
        cells.put("ordered_at", at.toString());
        cells.put("sku", sku);
        cells.put("quantity", "1");
        cells.put("unit_price", Integer.toString(price));
        return cells;
    }

    private OffsetDateTime at(Random r, int daysAgo) {
        return today.minusDays(daysAgo).atTime(8 + r.nextInt(14), r.nextInt(60)).atOffset(JST);
    }

    private DemoCatalog.Style styleIn(Random r, String category) {
        List<DemoCatalog.Style> inCategory = activeByCategory.get(category);
        return inCategory.get(r.nextInt(inCategory.size()));
    }

    private static List<String> sizesOf(DemoCatalog.Style style) {
        return style.category().equals("shoes") ? DemoCatalog.SHOE_SIZES : DemoCatalog.APPAREL_SIZES;
    }

    static String sku(DemoCatalog.Style style, String size) {
        return style.code() + "-" + (size.isEmpty() ? "F" : size);
    }

    private static int weightedSize(Random r) {
        int n = r.nextInt(100);
        for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
            n -= SIZE_WEIGHTS[i];
            if (n < 0) {
                return i;
            }
        }
        return 2;
    }

    private static DemoAddresses.Town town(Random r) {
        int n = r.nextInt(DemoAddresses.TOTAL_WEIGHT);
        for (DemoAddresses.Town town : DemoAddresses.TOWNS) {
            n -= town.weight();
            if (n < 0) {
                return town;
            }
        }
        throw new IllegalStateException("weights");
    }

    private static String preferred(Random r, boolean email, boolean line, boolean postal) {
        if (r.nextInt(10) >= 4) {
            return "";
        }
        List<String> consented = new ArrayList<>();
        if (line) {
            consented.add("LINE");
        }
        if (email) {
            consented.add("EMAIL");
        }
        if (postal) {
            consented.add("POSTAL");
        }
        return consented.isEmpty() ? "" : consented.get(r.nextInt(consented.size()));
    }

    private static String topics(Random r) {
        List<String> chosen = new ArrayList<>();
        for (String topic : TOPICS) {
            if (r.nextInt(3) == 0) {
                chosen.add(topic);
            }
        }
        return String.join(";", chosen);
    }

    private static String lineUserId(Random r) {
        byte[] bytes = new byte[16];
        r.nextBytes(bytes);
        return "U" + HexFormat.of().formatHex(bytes);
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
