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

import jp.koyomi.domain.Lifecycle;

/** Rule 2: last chance on DISCONTINUING styles. */
class LastChanceRuleTest {

    private static final String BY_STYLE = """
            {"items": {"sources": [{"type": "LAST_CHANCE"}], "max_items": 5}}
            """;
    private static final String BY_CATEGORY = """
            {"items": {"sources": [{"type": "LAST_CHANCE", "bought_scope": "CATEGORY"}], "max_items": 5}}
            """;

    @Test
    void categoryScopeOffersDiscontinuingStylesToAnyoneWhoBoughtInTheCategory() {
        CompiledRules rules = compile(BY_CATEGORY, style("JN-204", "jeans").discontinuing(null).size("M", 2),
                style("KN-7", "knits").discontinuing(null).size("M", 2));

        Decision d = rules.decide(customer().wears("jeans", "M", 1, daysAgo(200)).build());

        assertEquals(List.of("JN-204"), d.items().stream().map(OfferedItem::styleCode).toList());
    }

    @Test
    void styleScopeNeedsThatVeryStyle() {
        CompiledRules rules = compile(BY_STYLE, style("JN-204", "jeans").discontinuing(null).size("M", 2));

        Decision d = rules.decide(customer().wears("jeans", "M", 4, daysAgo(20)).bought("JN-100", 4, daysAgo(20), "M")
                .build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
    }

    @Test
    void activeStylesAreNeverLastChance() {
        CompiledRules rules = compile(BY_STYLE, style("JN-204", "jeans").size("M", 2));

        Decision d = rules.decide(customer().bought("JN-204", 1, daysAgo(20), "M").build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
        assertTrue(rules.warnings().contains(
                "rules.items.sources[0]: no style in the catalog qualifies for LAST_CHANCE with these item filters"));
    }

    @Test
    void stylesPastTheirLastDayOrDiscontinuedAreNotOffered() {
        CompiledRules rules = compile(BY_STYLE,
                style("JN-1", "jeans").discontinuing(LocalDate.of(2026, 2, 9)).size("M", 2),
                style("JN-2", "jeans").discontinuing(LocalDate.of(2026, 2, 10)).size("M", 2),
                style("JN-3", "jeans").lifecycle(Lifecycle.DISCONTINUED).size("M", 2));

        Decision d = rules.decide(customer().bought("JN-1", 1, daysAgo(20), "M").bought("JN-2", 1, daysAgo(20), "M")
                .bought("JN-3", 1, daysAgo(20), "M").build());

        assertEquals(List.of("JN-2"), d.items().stream().map(OfferedItem::styleCode).toList());
    }

    @Test
    void markdownOnADiscontinuingStyleAddsToItsScore() {
        CompiledRules rules = compile(BY_STYLE, style("JN-204", "jeans").discontinuing(null).price(10_000).markdown(7_000)
                .size("M", 2));

        Decision d = rules.decide(customer().bought("JN-204", 1, daysAgo(20), "M").build());

        // 40 (last chance) + 30 (% off) + 15 x 1 purchase of the style
        assertEquals(85, d.items().get(0).score());
    }
}
