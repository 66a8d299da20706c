package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Season;

/** Rule 4: season tags of the run date and campaign date windows. */
class SeasonAndWindowTest {

    private static Fixtures.StyleBuilder[] scarves() {
        return new Fixtures.StyleBuilder[] {
            style("AW-1", "scarves").season(Season.AW).markdown(1_000).variant(null, "red", 5),
            style("SS-1", "scarves").season(Season.SS).markdown(1_000).variant(null, "blue", 5),
            style("AL-1", "scarves").season(Season.ALL).markdown(1_000).variant(null, "grey", 5) };
    }

    private static List<String> offered(CompiledRules rules) {
        return rules.decide(customer().build()).items().stream().map(OfferedItem::styleCode).sorted().toList();
    }

    private static final String IN_SEASON = """
            {"items": {"sources": [{"type": "MARKDOWN"}], "in_season": true, "max_items": 5}}
            """;

    @Test
    void inSeasonKeepsItemsOfTheRunDatesSeason() {
        assertEquals(List.of("AL-1", "AW-1"), offered(compile(IN_SEASON, scarves())));
    }

    @Test
    void seasonFollowsTheRunDateInTokyo() {
        // 31 August 15:30 UTC is already 1 September in Tokyo: autumn/winter
        RunContext lateAugustUtc = new RunContext(Instant.parse("2026-08-31T15:30:00Z"), null, 1L);

        assertEquals(List.of("AL-1", "AW-1"), offered(compile(IN_SEASON, lateAugustUtc, scarves())));
    }

    @Test
    void withoutInSeasonEverySeasonIsOffered() {
        assertEquals(List.of("AL-1", "AW-1", "SS-1"), offered(compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 5}}
                """, scarves())));
    }

    @Test
    void outsideTheWindowEveryoneIsSkipped() {
        CompiledRules rules = compile("""
                {"window": {"from": "2026-03-01", "to": "2026-03-31"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """, scarves());

        Decision d = rules.decide(customer().build());

        assertFalse(rules.isActive());
        assertEquals(SkipReason.OUT_OF_WINDOW, d.skipReason());
        assertEquals("run date 2026-02-10 is outside the campaign window 2026-03-01 to 2026-03-31", d.explanation().get(1));
    }

    @Test
    void windowEndsAreInclusive() {
        assertTrue(compile("""
                {"window": {"from": "2026-01-01", "to": "2026-02-10"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """, scarves()).isActive());
    }

    @Test
    void yearlyWindowCanRunAcrossTheNewYear() {
        assertTrue(compile("""
                {"window": {"from": "12-01", "to": "02-28"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """, scarves()).isActive());
        assertFalse(compile("""
                {"window": {"from": "03-01", "to": "11-30"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """, scarves()).isActive());
    }
}
