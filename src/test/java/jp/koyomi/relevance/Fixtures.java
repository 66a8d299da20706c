package jp.koyomi.relevance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.domain.Channel;
import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;

/** Builders for catalogs, customers and compiled rules, so each test states only what matters to it. */
final class Fixtures {

    /** 10 February 2026, 10:00 in Tokyo: autumn/winter season. */
    static final Instant RUN_AT = Instant.parse("2026-02-10T01:00:00Z");
    static final RunContext RUN = new RunContext(RUN_AT, RunContext.TOKYO, 7L);

    private Fixtures() {
    }

    static Instant daysAgo(int days) {
        return RUN_AT.minus(Duration.ofDays(days));
    }

    static CompiledRules compile(String rulesJson, StyleBuilder... styles) {
        return compile(rulesJson, RUN, styles);
    }

    static CompiledRules compile(String rulesJson, RunContext run, StyleBuilder... styles) {
        List<Style> built = new ArrayList<>();
        for (StyleBuilder s : styles) {
            built.add(s.build());
        }
        return CompiledRules.compile(RulesJson.parse(rulesJson), CatalogSnapshot.of(built), run);
    }

    static StyleBuilder style(String code, String category) {
        return new StyleBuilder(code, category);
    }

    static CustomerBuilder customer() {
        return new CustomerBuilder();
    }

    static final class StyleBuilder {
        private final String code;
        private final String category;
        private Season season = Season.ALL;
        private Climate climate = Climate.ALL;
        private Lifecycle lifecycle = Lifecycle.ACTIVE;
        private LocalDate discontinueOn;
        private int price = 10_000;
        private Integer markdown;
        private Instant arrivedAt = daysAgo(400);
        private final List<Variant> variants = new ArrayList<>();

        StyleBuilder(String code, String category) {
            this.code = code;
            this.category = category;
        }

        StyleBuilder season(Season s) {
            season = s;
            return this;
        }

        StyleBuilder climate(Climate c) {
            climate = c;
            return this;
        }

        StyleBuilder discontinuing(LocalDate on) {
            lifecycle = Lifecycle.DISCONTINUING;
            discontinueOn = on;
            return this;
        }

        StyleBuilder lifecycle(Lifecycle l) {
            lifecycle = l;
            return this;
        }

        StyleBuilder price(int yen) {
            price = yen;
            return this;
        }

        StyleBuilder markdown(int yen) {
            markdown = yen;
            return this;
        }

        StyleBuilder arrived(Instant at) {
            arrivedAt = at;
            return this;
        }

        StyleBuilder size(String size, int stock) {
            return variant(size, "navy", stock);
        }

        StyleBuilder variant(String size, String colour, int stock) {
            variants.add(new Variant(code + "-" + (size == null ? "OS" : size) + "-" + colour, size, colour, stock));
            return this;
        }

        Style build() {
            return new Style(code, code + " name", category, season, climate, lifecycle, discontinueOn, price, markdown,
                    "https://shop.example/p/" + code, "https://shop.example/i/" + code + ".jpg", arrivedAt, variants);
        }
    }

    static final class CustomerBuilder {
        private ClimateZone zone = ClimateZone.TEMPERATE;
        private int prefecture = 13;
        private String region = "Kanto";
        private final Set<String> topics = new HashSet<>();
        private int points;
        private LocalDate pointsExpire;
        private final Map<String, CategoryHistory> categories = new HashMap<>();
        private final Map<String, StyleHistory> styles = new HashMap<>();
        private final List<OfferRecord> offers = new ArrayList<>();
        private ChannelAccess access = ChannelAccess.NONE;
        private Channel preferred;

        CustomerBuilder livesIn(int prefectureCode, String regionName, ClimateZone climateZone) {
            prefecture = prefectureCode;
            region = regionName;
            zone = climateZone;
            return this;
        }

        CustomerBuilder topic(String topic) {
            topics.add(topic);
            return this;
        }

        CustomerBuilder points(int p, LocalDate expire) {
            points = p;
            pointsExpire = expire;
            return this;
        }

        CustomerBuilder wears(String category, String size, int purchases, Instant last) {
            categories.put(category, new CategoryHistory(category, size, purchases, last));
            return this;
        }

        CustomerBuilder bought(String styleCode, int purchases, Instant last, String size) {
            styles.put(styleCode, new StyleHistory(styleCode, purchases, last, size));
            return this;
        }

        CustomerBuilder offered(String styleCode, Instant at) {
            offers.add(new OfferRecord(styleCode, 3L, Channel.EMAIL, at));
            return this;
        }

        CustomerBuilder access(ChannelAccess a, Channel pref) {
            access = a;
            preferred = pref;
            return this;
        }

        CustomerProfile build() {
            return new CustomerProfile(42L, "C-42", prefecture, zone, region, topics, points, pointsExpire, categories,
                    styles, offers, access, preferred);
        }
    }
}
