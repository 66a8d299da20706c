package jp.koyomi.demo;

import java.util.List;

/** One real-looking town per prefecture (the prefectural capital's centre) with its postal code. */
final class DemoAddresses {

    record Town(int prefecture, String postalCode, String city, int weight) {
    }

    /** Weights roughly follow population, so Tokyo and Osaka dominate but every prefecture appears. */
    static final List<Town> TOWNS = List.of(
            new Town(1, "060-0001", "札幌市中央区北一条西", 10), new Town(2, "030-0801", "青森市新町", 3),
            new Town(3, "020-0021", "盛岡市中央通", 3), new Town(4, "980-0811", "仙台市青葉区一番町", 5),
            new Town(5, "010-0001", "秋田市中通", 2), new Town(6, "990-0031", "山形市十日町", 2),
            new Town(7, "960-8031", "福島市栄町", 4), new Town(8, "310-0015", "水戸市宮町", 5),
            new Town(9, "320-0802", "宇都宮市江野町", 4), new Town(10, "371-0022", "前橋市千代田町", 4),
            new Town(11, "330-0063", "さいたま市浦和区高砂", 14), new Town(12, "260-0013", "千葉市中央区中央", 12),
            new Town(13, "150-0001", "渋谷区神宮前", 30), new Town(14, "231-0023", "横浜市中区山下町", 18),
            new Town(15, "951-8068", "新潟市中央区上大川前通", 4), new Town(16, "930-0083", "富山市総曲輪", 2),
            new Town(17, "920-0981", "金沢市片町", 2), new Town(18, "910-0006", "福井市中央", 2),
            new Town(19, "400-0031", "甲府市丸の内", 2), new Town(20, "380-0838", "長野市県町", 4),
            new Town(21, "500-8833", "岐阜市神田町", 4), new Town(22, "420-0852", "静岡市葵区紺屋町", 6),
            new Town(23, "460-0008", "名古屋市中区栄", 14), new Town(24, "514-0009", "津市羽所町", 3),
            new Town(25, "520-0044", "大津市京町", 3), new Town(26, "604-8005", "京都市中京区恵比須町", 5),
            new Town(27, "530-0001", "大阪市北区梅田", 18), new Town(28, "650-0021", "神戸市中央区三宮町", 10),
            new Town(29, "630-8215", "奈良市東向中町", 3), new Town(30, "640-8033", "和歌山市本町", 2),
            new Town(31, "680-0831", "鳥取市栄町", 1), new Town(32, "690-0003", "松江市朝日町", 1),
            new Town(33, "700-0023", "岡山市北区駅前町", 4), new Town(34, "730-0011", "広島市中区基町", 5),
            new Town(35, "753-0074", "山口市中央", 2), new Town(36, "770-0834", "徳島市元町", 1),
            new Town(37, "760-0029", "高松市丸亀町", 2), new Town(38, "790-0004", "松山市大街道", 2),
            new Town(39, "780-0841", "高知市帯屋町", 1), new Town(40, "810-0001", "福岡市中央区天神", 10),
            new Town(41, "840-0826", "佐賀市白山", 2), new Town(42, "850-0853", "長崎市浜町", 2),
            new Town(43, "860-0807", "熊本市中央区下通", 3), new Town(44, "870-0035", "大分市中央町", 2),
            new Town(45, "880-0805", "宮崎市橘通東", 2), new Town(46, "892-0842", "鹿児島市東千石町", 3),
            new Town(47, "900-0015", "那覇市久茂地", 4));

    static final int TOTAL_WEIGHT = TOWNS.stream().mapToInt(Town::weight).sum();

    private DemoAddresses() {
    }
}
