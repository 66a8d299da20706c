package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules 5 and 6: markdowns on overstocked items, new arrivals in the customer's top categories. */
class MarkdownAndNewArrivalsTest {

    private static List<String> codes(Decision d) {
        return d.items().stream().map(OfferedItem::styleCode).toList();
    }

    @Test
    void markdownNeedsAMarkdownPriceAndStockAboveTheLevel() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN", "overstock_above": 10}], "max_items": 5}}
                """,
                style("A", "tees").markdown(5_000).size("M", 6).size("L", 5),
                style("B", "tees").markdown(5_000).size("M", 6).size("L", 4),
                style("C", "tees").size("M", 60),
                style("D", "tees").price(5_000).markdown(5_000).size("M", 60));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(List.of("A"), codes(d));
    }

    @Test
    void deeperMarkdownRanksFirst() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 5}}
                """,
                style("A", "tees").price(10_000).markdown(9_000).size("M", 5),
                style("B", "tees").price(10_000).markdown(5_000).size("M", 5));

        Decision d = rules.decide(customer().wears("tees", "M", 1, daysAgo(10)).build());

        assertEquals(List.of("B", "A"), codes(d));
        // 30 (markdown) + 50 (% off) + 10 x 1 category purchase
        assertEquals(90, d.items().get(0).score());
    }

    private static final String ARRIVALS = """
            {"items": {"sources": [{"type": "NEW_ARRIVALS", "arrived_within_days": 30, "top_categories": 2}], "max_items": 5}}
            """;

    private static Fixtures.StyleBuilder[] arrivals() {
        return new Fixtures.StyleBuilder[] {
            style("J-NEW", "jeans").arrived(daysAgo(3)).size("M", 5),
            style("J-OLD", "jeans").arrived(daysAgo(45)).size("M", 5),
            style("K-NEW", "knits").arrived(daysAgo(10)).size("M", 5),
            style("H-NEW", "hats").arrived(daysAgo(1)).variant(null, "black", 5) };
    }

    @Test
    void newArrivalsComeFromTheCustomersTopCategories() {
        CompiledRules rules = compile(ARRIVALS, arrivals());

        Decision d = rules.decide(customer().wears("jeans", "M", 5, daysAgo(100)).wears("knits", "M", 3, daysAgo(100))
                .wears("hats", null, 1, daysAgo(2)).build());

        assertEquals(List.of("J-NEW", "K-NEW"), codes(d));
    }

    @Test
    void equalAffinityGoesToTheMoreRecentCategory() {
        CompiledRules rules = compile(ARRIVALS.replace("\"top_categories\": 2", "\"top_categories\": 1"), arrivals());

        Decision d = rules.decide(customer().wears("jeans", "M", 2, daysAgo(100)).wears("knits", "M", 2, daysAgo(5))
                .build());

        assertEquals(List.of("K-NEW"), codes(d));
    }

    @Test
    void sizedArrivalInACategoryWithoutKnownSizeIsExplained() {
        CompiledRules rules = compile(ARRIVALS, style("C-NEW", "caps").arrived(daysAgo(2)).size("M", 5));

        Decision d = rules.decide(customer().wears("caps", null, 2, daysAgo(5)).build());

        assertEquals(SkipReason.UNKNOWN_SIZE, d.skipReason());
        assertTrue(d.explanation().contains("caps C-NEW left out: size in caps unknown and the style is not one-size"));
    }

    @Test
    void customerWithoutOrdersGetsNoNewArrivals() {
        CompiledRules rules = compile(ARRIVALS, arrivals());

        Decision d = rules.decide(customer().build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
    }

    @Test
    void fresherArrivalsScoreHigher() {
        CompiledRules rules = compile(ARRIVALS, style("J-1", "jeans").arrived(daysAgo(0)).size("M", 5),
                style("J-2", "jeans").arrived(daysAgo(15)).size("M", 5));

        Decision d = rules.decide(customer().wears("jeans", "M", 1, daysAgo(100)).build());

        // 20 (new arrival) + freshness 20 x (30 - age) / 30 + 10 x 1 category purchase
        assertEquals(List.of(50, 40), d.items().stream().map(OfferedItem::score).toList());
    }
}
