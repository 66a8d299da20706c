package jp.koyomi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * About 200 styles of the demo brand, the seed situations among them: winter coats overstocked
 * at the season's end (marked down, for cold regions), jeans JN-204 being discontinued with only
 * XS and XXL left, and jeans JN-310 being discontinued with M still in stock.
 */
final class DemoCatalog {

    static final List<String> APPAREL_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");
    static final List<String> SHOE_SIZES = List.of("23.0", "24.0", "25.0", "26.0", "27.0", "28.0");
    static final String LAST_CHANCE_JEANS = "JN-204";
    static final String JEANS_WITH_M_LEFT = "JN-310";

    record Style(String code, String name, String category, String season, String climate, String lifecycle,
            LocalDate discontinueOn, int price, Integer markdownPrice, Map<String, Integer> stockBySize, String color,
            boolean newArrival) {

        boolean oneSize() {
            return stockBySize.containsKey("");
        }
    }

    private record Line(String category, String prefix, int count, String season, String climate, int minPrice,
            int maxPrice, List<String> names, List<String> sizes) {
    }

    private static final List<Line> LINES = List.of(
            new Line("coats", "CT", 20, "AW", "COLD", 24800, 49800,
                    List.of("ダウンコート", "ウールチェスターコート", "フード付きダウンパーカ", "ロングダウンコート", "ダッフルコート"),
                    APPAREL_SIZES),
            new Line("coats", "CT", 10, "AW", "TEMPERATE", 16800, 29800,
                    List.of("トレンチコート", "ステンカラーコート", "ライトウールコート"), APPAREL_SIZES),
            new Line("knitwear", "KN", 30, "AW", "ALL", 6900, 14900,
                    List.of("ウールクルーネックセーター", "カシミヤタートルネック", "ケーブルニットカーディガン", "モックネックニット"),
                    APPAREL_SIZES),
            new Line("jeans", "JN", 24, "ALL", "ALL", 8900, 14900,
                    List.of("ストレートジーンズ", "スリムジーンズ", "ワイドジーンズ", "ブーツカットジーンズ"), APPAREL_SIZES),
            new Line("shirts", "SH", 35, "ALL", "ALL", 4900, 9900,
                    List.of("オックスフォードシャツ", "リネンシャツ", "フランネルシャツ", "ブロードシャツ", "デニムシャツ"),
                    APPAREL_SIZES),
            new Line("tshirts", "TS", 20, "SS", "ALL", 1990, 3990,
                    List.of("スーピマコットンTシャツ", "ポケットTシャツ", "リネン混Tシャツ"), APPAREL_SIZES),
            new Line("shoes", "SZ", 25, "ALL", "ALL", 9900, 24900,
                    List.of("レザースニーカー", "チェルシーブーツ", "ローファー", "スノーブーツ"), SHOE_SIZES),
            new Line("accessories", "AC", 25, "ALL", "ALL", 1990, 8900,
                    List.of("カシミヤマフラー", "レザーベルト", "ウールニット帽", "レザー手袋", "キャンバストート"), List.of("")),
            new Line("care", "CG", 10, "ALL", "ALL", 990, 2900,
                    List.of("ウールケアブラシ", "デニム用洗剤", "レザーケアクリーム", "防水スプレー"), List.of("")));

    private static final List<String> COLORS = List.of("ネイビー", "ブラック", "チャコール", "ベージュ", "オフホワイト",
            "オリーブ", "インディゴ", "ブラウン");

    private DemoCatalog() {
    }

    static List<Style> styles(LocalDate today) {
        Random random = new Random(42);
        List<Style> styles = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Line line : LINES) {
            for (int i = 0; i < line.count(); i++) {
                String code = line.prefix() + "-" + numbers.merge(line.prefix(), 101, (n, one) -> n + 1);
                String name = line.names().get(i % line.names().size());
                int price = roundPrice(line.minPrice() + random.nextInt(line.maxPrice() - line.minPrice() + 1));
                Map<String, Integer> stock = new LinkedHashMap<>();
                for (String size : line.sizes()) {
                    stock.put(size, random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(25));
                }
                boolean overstockedCoat = line.climate().equals("COLD") && i < 8;
                Integer markdown = null;
                if (overstockedCoat) {
                    stock.replaceAll((size, n) -> 40 + random.nextInt(40));
                    markdown = roundPrice(price * 7 / 10);
                }
                boolean newArrival = random.nextInt(10) == 0;
                styles.add(new Style(code, name, line.category(), line.season(), line.climate(), "ACTIVE", null, price,
                        markdown, stock, COLORS.get(random.nextInt(COLORS.size())), newArrival));
            }
        }
        styles.add(discontinuingJeans(LAST_CHANCE_JEANS, "セルビッジストレートジーンズ", 12900, today.plusDays(30),
                Map.of("XS", 3, "S", 0, "M", 0, "L", 0, "XL", 0, "XXL", 2)));
        styles.add(discontinuingJeans(JEANS_WITH_M_LEFT, "テーパードジーンズ", 11900, today.plusDays(45),
                Map.of("XS", 0, "S", 2, "M", 6, "L", 1, "XL", 0, "XXL", 0)));
        return styles;
    }

    private static Style discontinuingJeans(String code, String name, int price, LocalDate on,
            Map<String, Integer> stock) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        APPAREL_SIZES.forEach(size -> ordered.put(size, stock.get(size)));
        return new Style(code, name, "jeans", "ALL", "ALL", "DISCONTINUING", on, price, roundPrice(price * 8 / 10),
                ordered, "インディゴ", false);
    }

    /** Prices end in 900 or 990 the way the brand prices them. */
    private static int roundPrice(int yen) {
        return yen < 5000 ? (yen / 100) * 100 + 90 : (yen / 1000) * 1000 + 900;
    }
}
