package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rule 1: stock in the customer's size, with a threshold; unknown sizes. */
class StockRuleTest {

    private static String markdownRules(String extra) {
        return """
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 4 %s}}
                """.formatted(extra);
    }

    private static Fixtures.StyleBuilder shirt(String code) {
        return style(code, "shirts").markdown(7_000);
    }

    @Test
    void shouldSkipWhenStockInSizeIsBelowThreshold() {
        CompiledRules rules = compile(markdownRules(", \"min_stock\": 3"), shirt("SH-1").size("M", 2).size("L", 9));

        Decision d = rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, d.skipReason());
        assertTrue(d.explanation().contains("shirts SH-1 left out: size M has only 2 left (needs 3); only L in stock"),
                () -> String.join("\n", d.explanation()));
    }

    @Test
    void shouldOfferAtExactlyTheThreshold() {
        CompiledRules rules = compile(markdownRules(", \"min_stock\": 3"), shirt("SH-1").size("M", 3));

        assertTrue(rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build()).isOffer());
    }

    @Test
    void zeroThresholdOffersTheSizeEvenWhenSoldOut() {
        CompiledRules rules = compile(markdownRules(", \"min_stock\": 0"), shirt("SH-1").size("M", 0).size("L", 4));

        Decision d = rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build());

        assertEquals("M", d.items().get(0).variant().size());
        assertEquals(0, d.items().get(0).variant().stock());
    }

    @Test
    void zeroThresholdStillNeedsTheSizeToExist() {
        CompiledRules rules = compile(markdownRules(", \"min_stock\": 0"), shirt("SH-1").size("L", 4));

        Decision d = rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, d.skipReason());
        assertTrue(d.explanation().contains("shirts SH-1 left out: not made in size M; only L in stock"));
    }

    @Test
    void shouldPickTheColourWithMostStockInTheSize() {
        CompiledRules rules = compile(markdownRules(""),
                shirt("SH-1").variant("M", "white", 2).variant("M", "black", 7).variant("L", "red", 30));

        Decision d = rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build());

        assertEquals("black", d.items().get(0).variant().colour());
    }

    @Test
    void shouldMatchSizesWhateverTheirCaseOrSpacing() {
        CompiledRules rules = compile(markdownRules(""), shirt("SH-1").size(" m ", 2));

        assertTrue(rules.decide(customer().wears("shirts", "M", 1, daysAgo(10)).build()).isOffer());
    }

    @Test
    void sizeLastBoughtInTheStyleBeatsTheCategorySize() {
        CompiledRules rules = compile(markdownRules(""), shirt("SH-1").size("M", 0).size("L", 5));

        Decision d = rules.decide(customer().wears("shirts", "M", 4, daysAgo(10)).bought("SH-1", 1, daysAgo(10), "L").build());

        assertEquals("L", d.items().get(0).variant().size());
    }

    @Test
    void customerWithoutKnownSizeGetsOnlyOneSizeItems() {
        CompiledRules rules = compile(markdownRules(""), shirt("SH-1").size("M", 5),
                style("SC-9", "shirts").markdown(3_000).variant(null, "grey", 5),
                style("TO-3", "shirts").markdown(3_000).variant("Free", "beige", 5));

        Decision d = rules.decide(customer().build());

        assertEquals(List.of("SC-9", "TO-3"), d.items().stream().map(OfferedItem::styleCode).sorted().toList());
        assertTrue(d.explanation().contains("1 item left out: size unknown in shirts and not one-size"),
                () -> String.join("\n", d.explanation()));
    }

    @Test
    void customerWithoutKnownSizeAndOnlySizedItemsIsSkippedForUnknownSize() {
        CompiledRules rules = compile(markdownRules(""), shirt("SH-1").size("M", 5));

        assertEquals(SkipReason.UNKNOWN_SIZE, rules.decide(customer().build()).skipReason());
    }

    @Test
    void campaignCanSkipCustomersWithUnknownSizeRatherThanOfferOneSize() {
        CompiledRules rules = compile(markdownRules(", \"unknown_size\": \"SKIP\""), shirt("SH-1").size("M", 5),
                style("SC-9", "shirts").markdown(3_000).variant(null, "grey", 5));

        assertEquals(SkipReason.UNKNOWN_SIZE, rules.decide(customer().build()).skipReason());
    }

    @Test
    void oneSizeItemSoldOutIsLeftOut() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "LAST_CHANCE"}]}}
                """, style("SC-9", "scarves").discontinuing(null).variant(null, "grey", 0));

        Decision d = rules.decide(customer().bought("SC-9", 1, daysAgo(100), null).build());

        assertEquals(SkipReason.NO_SIZE_IN_STOCK, d.skipReason());
        assertTrue(d.explanation().contains("scarves SC-9 left out: sold out"), () -> String.join("\n", d.explanation()));
    }

    @Test
    void oneSizeItemBelowThresholdSaysHowManyAreLeft() {
        CompiledRules rules = compile(markdownRules(", \"min_stock\": 2"),
                style("SC-9", "scarves").markdown(3_000).variant(null, "grey", 1));

        Decision d = rules.decide(customer().build());

        assertTrue(d.explanation().contains("scarves SC-9 left out: only 1 left (needs 2)"));
    }
}
