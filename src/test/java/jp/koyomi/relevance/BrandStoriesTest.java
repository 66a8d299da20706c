package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.domain.Season;

/** The brand's stories from DESIGN.md, told end to end through the rules a marketer would write. */
class BrandStoriesTest {

    static final String LAST_CHANCE_JEANS = """
            {
              "items": {
                "sources": [{"type": "LAST_CHANCE", "bought_scope": "STYLE"}],
                "categories": ["jeans"],
                "min_stock": 1,
                "not_offered_within_days": 14,
                "min_items": 1,
                "max_items": 3
              }
            }
            """;

    static final String WINTER_COAT_MARKDOWN = """
            {
              "window": {"from": "01-15", "to": "03-15"},
              "audience": {"climate_zones": ["COLD"]},
              "items": {
                "sources": [{"type": "MARKDOWN", "overstock_above": 20}],
                "categories": ["coats"],
                "in_season": true,
                "climates": ["COLD"],
                "min_stock": 2,
                "not_offered_within_days": 30,
                "min_items": 1,
                "max_items": 4
              }
            }
            """;

    private static Fixtures.StyleBuilder overstockedWinterCoat() {
        return style("CT-101", "coats").season(Season.AW).climate(Climate.COLD).price(39_000).markdown(27_300)
                .size("S", 10).size("M", 12).size("L", 9);
    }

    private static Fixtures.CustomerBuilder coatWearer() {
        return customer().wears("coats", "M", 1, daysAgo(300));
    }

    @Test
    void winterCoatMarkdownGoesToHokkaido() {
        CompiledRules rules = compile(WINTER_COAT_MARKDOWN, overstockedWinterCoat());

        Decision sapporo = rules.decide(coatWearer().livesIn(1, "Hokkaido", ClimateZone.COLD).build());

        assertTrue(sapporo.isOffer(), () -> String.join("\n", sapporo.explanation()));
        OfferedItem coat = sapporo.items().get(0);
        assertEquals("CT-101", coat.styleCode());
        assertEquals("M", coat.variant().size());
        assertEquals(27_300, coat.salePriceYen());
        assertEquals(ItemSource.MARKDOWN, coat.source());
    }

    @Test
    void winterCoatMarkdownDoesNotGoToOkinawa() {
        CompiledRules rules = compile(WINTER_COAT_MARKDOWN, overstockedWinterCoat());

        Decision naha = rules.decide(coatWearer().livesIn(47, "Kyushu-Okinawa", ClimateZone.WARM).build());

        assertEquals(SkipReason.NOT_IN_AUDIENCE, naha.skipReason());
        assertEquals("not in audience: climate zone WARM is not one of COLD", naha.explanation().get(1));
    }

    @Test
    void winterCoatMarkdownStopsWhenOverstockIsCleared() {
        CompiledRules rules = compile(WINTER_COAT_MARKDOWN,
                style("CT-101", "coats").season(Season.AW).climate(Climate.COLD).price(39_000).markdown(27_300)
                        .size("M", 12).size("L", 8));

        Decision sapporo = rules.decide(coatWearer().livesIn(1, "Hokkaido", ClimateZone.COLD).build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, sapporo.skipReason());
        assertFalse(rules.warnings().isEmpty(), "a dry run warns that no style qualifies for MARKDOWN");
    }

    @Test
    void discontinuedJeansAreNotOfferedWhenOnlyOtherSizesRemain() {
        CompiledRules rules = compile(LAST_CHANCE_JEANS, style("JN-204", "jeans").discontinuing(LocalDate.of(2026, 3, 31))
                .size("XS", 3).size("S", 0).size("M", 0).size("L", 0).size("XXL", 2));

        Decision decision = rules.decide(jeansCustomerInM());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, decision.skipReason());
        assertTrue(decision.explanation().contains("jeans JN-204 left out: size M sold out; only XS, XXL in stock"),
                () -> String.join("\n", decision.explanation()));
    }

    @Test
    void discontinuedJeansAreOfferedWhenSizeMRemains() {
        CompiledRules rules = compile(LAST_CHANCE_JEANS, style("JN-204", "jeans").discontinuing(LocalDate.of(2026, 3, 31))
                .size("XS", 3).size("M", 1).size("XXL", 2));

        Decision decision = rules.decide(jeansCustomerInM());

        assertTrue(decision.isOffer(), () -> String.join("\n", decision.explanation()));
        OfferedItem jeans = decision.items().get(0);
        assertEquals("JN-204-M-navy", jeans.variant().sku());
        assertEquals(ItemSource.LAST_CHANCE, jeans.source());
        // 40 (last chance) + 10 x 3 category purchases + 15 x 3 purchases of the style
        assertEquals(115, jeans.score());
    }

    @Test
    void discontinuedJeansAreNotOfferedToCustomersWhoNeverBoughtThem() {
        CompiledRules rules = compile(LAST_CHANCE_JEANS, style("JN-204", "jeans").discontinuing(LocalDate.of(2026, 3, 31))
                .size("M", 5));

        Decision decision = rules.decide(customer().wears("jeans", "M", 2, daysAgo(30)).build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, decision.skipReason());
    }

    private static CustomerProfile jeansCustomerInM() {
        return customer().wears("jeans", "M", 3, daysAgo(90)).bought("JN-204", 3, daysAgo(90), "M").build();
    }

    static final String NEWSLETTER = """
            {
              "blocks": {
                "points": {"min_points": 500, "expiring_within_days": 30},
                "topics": {"blocks": [
                  {"topic": "styling", "key": "spring-layering", "title": "春の重ね着", "url": "https://shop.example/s/1"},
                  {"topic": "craft", "key": "okayama-denim", "title": "岡山デニムの工房から"}
                ]}
              }
            }
            """;

    @Test
    void topicBlocksGoOnlyToSubscribers() {
        CompiledRules rules = compile(NEWSLETTER);

        Decision styling = rules.decide(customer().topic("styling").build());
        Decision nothing = rules.decide(customer().topic("recipes").build());

        assertEquals(List.of("spring-layering"), styling.blocks().stream().map(ContentBlock::key).toList());
        assertEquals(SkipReason.NO_RELEVANT_CONTENT, nothing.skipReason());
    }

    @Test
    void pointsBlockOnlyWhenEnoughPointsExpireSoon() {
        CompiledRules rules = compile(NEWSLETTER);

        Decision expiring = rules.decide(customer().points(1_200, LocalDate.of(2026, 3, 1)).build());
        Decision tooFew = rules.decide(customer().points(499, LocalDate.of(2026, 3, 1)).topic("craft").build());
        Decision tooLate = rules.decide(customer().points(5_000, LocalDate.of(2026, 6, 30)).topic("craft").build());

        ContentBlock block = expiring.blocks().get(0);
        assertEquals(BlockType.EXPIRING_POINTS, block.type());
        assertEquals(1_200, block.points());
        assertEquals(LocalDate.of(2026, 3, 1), block.expiresOn());
        assertEquals(List.of(BlockType.TOPIC), tooFew.blocks().stream().map(ContentBlock::type).toList());
        assertEquals(List.of(BlockType.TOPIC), tooLate.blocks().stream().map(ContentBlock::type).toList());
    }

    @Test
    void repeatedItemIsLeftOutInsideTheWindow() {
        CompiledRules rules = compile(LAST_CHANCE_JEANS, style("JN-204", "jeans").discontinuing(LocalDate.of(2026, 3, 31))
                .size("M", 4));

        Decision again = rules.decide(customer().wears("jeans", "M", 3, daysAgo(90)).bought("JN-204", 3, daysAgo(90), "M")
                .offered("JN-204", daysAgo(5)).build());
        Decision later = rules.decide(customer().wears("jeans", "M", 3, daysAgo(90)).bought("JN-204", 3, daysAgo(90), "M")
                .offered("JN-204", daysAgo(15)).build());

        assertEquals(SkipReason.RECENTLY_OFFERED, again.skipReason());
        assertTrue(again.explanation().contains("jeans JN-204 left out: offered 5 days ago (no repeats within 14 days)"),
                () -> String.join("\n", again.explanation()));
        assertTrue(later.isOffer());
    }
}
