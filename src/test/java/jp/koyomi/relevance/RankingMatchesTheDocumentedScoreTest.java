package jp.koyomi.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Channel;
import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;

/**
 * The engine skips candidates it can prove cannot make the ranking. This checks, on random
 * catalogs and customers, that it still picks exactly what scoring every style by the documented
 * formula (docs/relevance.md, "Score") and ranking them would pick.
 */
class RankingMatchesTheDocumentedScoreTest {

    private static final String RULES = """
            {"items": {"sources": [{"type": "LAST_CHANCE"}, {"type": "MARKDOWN", "overstock_above": 10},
                                   {"type": "NEW_ARRIVALS", "arrived_within_days": 30, "top_categories": 2}],
                       "in_season": true, "match_customer_climate": true, "min_stock": 2,
                       "not_offered_within_days": 30, "min_items": 0, "max_items": 4}}
            """;
    private static final String[] SIZES = {"S", "M", "L"};
    private static final Instant RUN_AT = Fixtures.RUN_AT;

    @Test
    void optimisedRankingEqualsScoringEveryStyle() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<Style> styles = catalog(random);
            CompiledRules rules = CompiledRules.compile(RulesJson.parse(RULES), CatalogSnapshot.of(styles), Fixtures.RUN);
            for (int i = 0; i < 200; i++) {
                CustomerProfile customer = customer(random, styles);

                List<String> expected = bruteForce(styles, customer);
                List<String> actual = rules.decide(customer).items().stream()
                        .map(item -> item.styleCode() + "/" + item.variant().size() + "/" + item.score()).toList();

                assertEquals(expected, actual, "round " + round + ", customer " + i);
            }
        }
    }

    private static List<String> bruteForce(List<Style> styles, CustomerProfile c) {
        LocalDate today = Fixtures.RUN.runDate();
        List<CategoryHistory> favourites = new ArrayList<>(c.categories().values());
        favourites.sort((a, b) -> a.purchases() != b.purchases() ? b.purchases() - a.purchases()
                : b.lastPurchase().compareTo(a.lastPurchase()));
        List<String> top = favourites.stream().limit(2).map(CategoryHistory::category).toList();
        List<OfferedItem> fitting = new ArrayList<>();
        for (Style s : styles) {
            if (!s.isSellableOn(today) || !s.season().isSoldIn(Season.of(today)) || !s.climate().suits(c.climateZone())) {
                continue;
            }
            StyleHistory bought = c.styles().get(s.code());
            CategoryHistory category = c.categories().get(s.category());
            int total = s.variants().stream().mapToInt(Variant::stock).sum();
            long age = Duration.between(s.arrivedAt(), RUN_AT).toDays();
            int best = -1;
            if (s.lifecycle() == Lifecycle.DISCONTINUING && bought != null) {
                best = Math.max(best, 40 + s.percentOff());
            }
            if (s.isMarkedDown() && total > 10) {
                best = Math.max(best, 30 + s.percentOff());
            }
            if (s.lifecycle() == Lifecycle.ACTIVE && age < 30 && top.contains(s.category())) {
                best = Math.max(best, 20 + (int) (20 * (30 - age) / 30) + s.percentOff());
            }
            boolean recent = c.offers().stream().anyMatch(o -> o.styleCode().equals(s.code())
                    && o.offeredAt().isAfter(RUN_AT.minus(Duration.ofDays(30))));
            String size = bought != null && bought.lastSize() != null ? bought.lastSize()
                    : category == null ? null : category.size();
            Variant variant = s.variants().stream().filter(v -> v.size().equals(size))
                    .max((a, b) -> a.stock() != b.stock() ? a.stock() - b.stock() : b.sku().compareTo(a.sku())).orElse(null);
            if (best < 0 || recent || variant == null || variant.stock() < 2) {
                continue;
            }
            int score = best + 10 * Math.min(category == null ? 0 : category.purchases(), 5)
                    + 15 * Math.min(bought == null ? 0 : bought.purchases(), 3);
            fitting.add(new OfferedItem(s, variant, ItemSource.MARKDOWN, score));
        }
        fitting.sort(Selection::compare);
        return fitting.stream().limit(4).map(i -> i.styleCode() + "/" + i.variant().size() + "/" + i.score()).toList();
    }

    private static List<Style> catalog(Random random) {
        List<Style> styles = new ArrayList<>();
        for (int s = 0; s < 150; s++) {
            String code = "ST-" + s;
            List<Variant> variants = new ArrayList<>();
            for (String size : SIZES) {
                for (String colour : new String[] {"black", "navy"}) {
                    variants.add(new Variant(code + "-" + size + "-" + colour, size, colour, random.nextInt(6)));
                }
            }
            int roll = random.nextInt(10);
            Lifecycle lifecycle = roll < 2 ? Lifecycle.DISCONTINUING : roll < 3 ? Lifecycle.DISCONTINUED : Lifecycle.ACTIVE;
            int price = 1_000 * (1 + random.nextInt(20));
            Integer markdown = random.nextInt(3) == 0 ? price * (40 + random.nextInt(60)) / 100 : null;
            styles.add(new Style(code, code, "cat-" + random.nextInt(6), Season.values()[random.nextInt(3)],
                    Climate.values()[random.nextInt(4)], lifecycle, null, price, markdown, null, null,
                    RUN_AT.minus(Duration.ofDays(random.nextInt(60))), variants));
        }
        return styles;
    }

    private static CustomerProfile customer(Random random, List<Style> styles) {
        Map<String, CategoryHistory> categories = new HashMap<>();
        Map<String, StyleHistory> bought = new HashMap<>();
        for (int o = random.nextInt(10); o > 0; o--) {
            Style style = styles.get(random.nextInt(styles.size()));
            String size = SIZES[random.nextInt(SIZES.length)];
            // Distinct instants keep the favourite-category order free of ties for the reference.
            Instant at = RUN_AT.minus(Duration.ofMinutes(1 + random.nextInt(500_000)));
            categories.merge(style.category(), new CategoryHistory(style.category(), size, 1, at),
                    (a, b) -> new CategoryHistory(a.category(), a.size(), a.purchases() + 1,
                            a.lastPurchase().isAfter(at) ? a.lastPurchase() : at));
            bought.merge(style.code(), new StyleHistory(style.code(), 1, at, size),
                    (a, b) -> new StyleHistory(a.styleCode(), a.purchases() + 1, at, a.lastSize()));
        }
        List<OfferRecord> offers = new ArrayList<>();
        for (int o = random.nextInt(6); o > 0; o--) {
            offers.add(new OfferRecord(styles.get(random.nextInt(styles.size())).code(), 1L, Channel.LINE,
                    RUN_AT.minus(Duration.ofDays(random.nextInt(60)))));
        }
        return new CustomerProfile(1L, "C-1", 13, ClimateZone.values()[random.nextInt(3)], "Kanto", null, 0, null,
                categories, bought, offers, null, null);
    }
}
