package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rule 11 (min/max items and the score), item rules combined, and which skip reason is chosen. */
class RankingAndSkipTest {

    private static List<String> codes(Decision d) {
        return d.items().stream().map(OfferedItem::styleCode).toList();
    }

    @Test
    void keepsTheBestItemsUpToTheMaximumAndExplainsTheRest() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 2}}
                """,
                style("A", "tees").price(10_000).markdown(9_000).size("M", 5),
                style("B", "tees").price(10_000).markdown(6_000).size("M", 5),
                style("C", "tees").price(10_000).markdown(8_000).size("M", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(List.of("B", "C"), codes(d));
        assertTrue(d.explanation().contains("1 more item scored too low to make the best 2"),
                () -> String.join("\n", d.explanation()));
    }

    @Test
    void anItemPushedOutOfTheRankingIsExplained() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 1}}
                """,
                style("A", "tees").price(10_000).markdown(5_000).size("M", 5),
                style("B", "tees").price(10_000).markdown(9_000).size("M", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).bought("B", 1, daysAgo(10), "M").build());

        assertEquals(List.of("A"), codes(d));
        assertTrue(d.explanation().contains("tees B left out: score 65, below the 1 best items"),
                () -> String.join("\n", d.explanation()));
    }

    @Test
    void equalScoresGoToMoreStockInTheSizeThenToTheStyleCode() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 3}}
                """,
                style("Z", "tees").markdown(5_000).size("M", 9),
                style("B", "tees").markdown(5_000).size("M", 3),
                style("A", "tees").markdown(5_000).size("M", 3).size("L", 50));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(List.of("Z", "A", "B"), codes(d));
    }

    @Test
    void aStyleFoundByTwoRulesAppearsOnceWithItsBetterScore() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "LAST_CHANCE"}, {"type": "MARKDOWN"}], "max_items": 3}}
                """, style("JN-204", "jeans").discontinuing(null).price(10_000).markdown(8_000).size("M", 30));

        Decision d = rules.decide(customer().wears("jeans", "M", 1, daysAgo(10)).bought("JN-204", 1, daysAgo(10), "M")
                .build());

        assertEquals(1, d.items().size());
        assertEquals(ItemSource.LAST_CHANCE, d.items().get(0).source());
    }

    @Test
    void fewerItemsThanTheMinimumSkips() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "min_items": 2, "max_items": 4}}
                """, style("A", "tees").markdown(5_000).size("M", 5), style("B", "tees").markdown(5_000).size("M", 0).size("L", 3));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
        assertEquals("1 relevant item found, 2 needed (2 considered for this customer)", d.explanation().get(1));
    }

    @Test
    void theMostFrequentCauseNamesTheSkip() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "not_offered_within_days": 30}}
                """,
                style("A", "tees").markdown(5_000).size("M", 5),
                style("B", "tees").markdown(5_000).size("M", 5),
                style("C", "tees").markdown(5_000).size("M", 0).size("L", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).offered("A", daysAgo(3))
                .offered("B", daysAgo(20)).build());

        assertEquals(SkipReason.RECENTLY_OFFERED, d.skipReason());
    }

    @Test
    void sizeWinsATieWithRepeats() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "not_offered_within_days": 30}}
                """, style("A", "tees").markdown(5_000).size("M", 5), style("C", "tees").markdown(5_000).size("L", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).offered("A", daysAgo(3)).build());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, d.skipReason());
    }

    @Test
    void emptyCatalogSkipsWithNotEnoughRelevantItems() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}, {"type": "NEW_ARRIVALS"}, {"type": "LAST_CHANCE"}]}}
                """);

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
        assertEquals(3, rules.warnings().size());
    }

    @Test
    void minimumOfZeroSendsBlocksWithoutItems() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "min_items": 0},
                 "blocks": {"points": {"min_points": 100, "expiring_within_days": 60}}}
                """);

        Decision d = rules.decide(customer().points(300, LocalDate.of(2026, 3, 1)).build());

        assertTrue(d.isOffer());
        assertEquals(0, d.items().size());
        assertEquals(1, d.blocks().size());
    }

    @Test
    void withMinimumZeroAndNoBlockTheTellingItemReasonStillNamesTheSkip() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "min_items": 0},
                 "blocks": {"points": {"min_points": 100, "expiring_within_days": 60}}}
                """, style("A", "tees").markdown(5_000).size("M", 0).size("L", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, d.skipReason());
        assertEquals("no relevant item (1 considered for this customer) and no content block",
                d.explanation().get(1));
    }

    @Test
    void requiredTopicSkipsNonSubscribers() {
        CompiledRules rules = compile("""
                {"blocks": {"topics": {"required": true, "blocks": [{"topic": "craft", "key": "k", "title": "t"}]}}}
                """);

        Decision d = rules.decide(customer().topic("styling").build());

        assertEquals(SkipReason.NO_TOPIC_MATCH, d.skipReason());
        assertEquals("subscribed to none of the campaign's topics (craft); subscribed: styling", d.explanation().get(1));
    }

    @Test
    void requiredPointsSkipsCustomersWithoutExpiringPoints() {
        CompiledRules rules = compile("""
                {"blocks": {"points": {"min_points": 500, "expiring_within_days": 30, "required": true}}}
                """);

        Decision d = rules.decide(customer().points(800, null).build());

        assertEquals(SkipReason.NO_EXPIRING_POINTS, d.skipReason());
        assertEquals("no points block: 800 points without expiry; needs at least 500 expiring within 30 days",
                d.explanation().get(1));
    }

    @Test
    void offerExplanationListsItemsAndBlocks() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}]},
                 "blocks": {"points": {"min_points": 100, "expiring_within_days": 60}}}
                """, style("A", "tees").price(12_900).markdown(8_900).size("M", 5));

        Decision d = rules.decide(customer().wears("tees", "m", 1, daysAgo(10)).points(1_500, LocalDate.of(2026, 3, 1))
                .build());

        assertEquals(List.of("offer: 1 item, 1 block",
                "tees A offered (markdown): size M A-M-navy (5 in stock), ¥12,900 now ¥8,900, score 71",
                "points block: 1,500 points expire on 2026-03-01"), d.explanation());
    }
}
