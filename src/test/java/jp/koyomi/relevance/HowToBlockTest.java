package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rule 7: how-to and care guides for what the customer bought recently. */
class HowToBlockTest {

    private static final String GUIDES = """
            {"blocks": {"how_to": {"bought_within_days": 60, "max_blocks": 2, "guides": [
              {"category": "jeans", "key": "denim-care", "title": "デニムのお手入れ"},
              {"category": "knits", "key": "knit-care", "title": "ニットの洗い方"},
              {"category": "coats", "key": "coat-care", "title": "コートの保管"},
              {"style": "JN-204", "key": "jn204-fit", "title": "JN-204 の裾上げ"}
            ]}}}
            """;

    private static List<String> keys(Decision d) {
        return d.blocks().stream().map(ContentBlock::key).toList();
    }

    @Test
    void guidesOnlyForRecentPurchases() {
        Decision d = compile(GUIDES).decide(customer().wears("jeans", "M", 1, daysAgo(10)).wears("knits", "M", 1, daysAgo(90))
                .build());

        assertEquals(List.of("denim-care"), keys(d));
        assertEquals("jeans", d.blocks().get(0).subject());
    }

    @Test
    void styleGuidesComeBeforeCategoryGuidesAndTheMaximumHolds() {
        Decision d = compile(GUIDES).decide(customer().wears("coats", "M", 1, daysAgo(1)).wears("knits", "M", 1, daysAgo(5))
                .wears("jeans", "M", 1, daysAgo(30)).bought("JN-204", 1, daysAgo(30), "M").build());

        assertEquals(List.of("jn204-fit", "coat-care"), keys(d));
    }

    @Test
    void customerWithoutOrdersGetsNoGuideAndIsSkipped() {
        Decision d = compile(GUIDES).decide(customer().build());

        assertEquals(SkipReason.NO_RELEVANT_CONTENT, d.skipReason());
    }
}
