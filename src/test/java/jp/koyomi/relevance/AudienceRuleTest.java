package jp.koyomi.relevance;

import static jp.koyomi.relevance.Fixtures.compile;
import static jp.koyomi.relevance.Fixtures.customer;
import static jp.koyomi.relevance.Fixtures.daysAgo;
import static jp.koyomi.relevance.Fixtures.style;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;

/** Rule 3: audience and items by climate zone, region and prefecture. */
class AudienceRuleTest {

    private static CompiledRules rules(String audience) {
        return compile("""
                {"audience": %s, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """.formatted(audience), style("SC-1", "scarves").markdown(2_000).variant(null, "red", 5));
    }

    private static SkipReason decideFor(CompiledRules rules, int prefecture, String region, ClimateZone zone) {
        return rules.decide(customer().livesIn(prefecture, region, zone).build()).skipReason();
    }

    @Test
    void shouldKeepOnlyListedRegionsWhateverTheirCase() {
        CompiledRules rules = rules("{\"regions\": [\"hokkaido\", \"Tohoku\"]}");

        assertEquals(null, decideFor(rules, 1, "Hokkaido", ClimateZone.COLD));
        assertEquals(null, decideFor(rules, 3, "TOHOKU", ClimateZone.COLD));
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules, 13, "Kanto", ClimateZone.TEMPERATE));
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules, 0, null, ClimateZone.TEMPERATE));
    }

    @Test
    void shouldKeepOnlyListedPrefectures() {
        CompiledRules rules = rules("{\"prefectures\": [1, 2]}");

        assertEquals(null, decideFor(rules, 2, "Tohoku", ClimateZone.COLD));
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules, 3, "Tohoku", ClimateZone.COLD));
    }

    @Test
    void exclusionWinsOverInclusion() {
        CompiledRules rules = rules("{\"regions\": [\"Kyushu-Okinawa\"], \"exclude_prefectures\": [47]}");

        assertEquals(null, decideFor(rules, 40, "Kyushu-Okinawa", ClimateZone.TEMPERATE));
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules, 47, "Kyushu-Okinawa", ClimateZone.WARM));
    }

    @Test
    void everyListMustMatch() {
        CompiledRules rules = rules("{\"climate_zones\": [\"COLD\"], \"regions\": [\"Tohoku\"]}");

        assertEquals(null, decideFor(rules, 2, "Tohoku", ClimateZone.COLD));
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules, 1, "Hokkaido", ClimateZone.COLD));
    }

    @Test
    void itemsCanFollowTheCustomersClimate() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "match_customer_climate": true, "max_items": 5}}
                """,
                style("CT-1", "coats").climate(Climate.COLD).markdown(9_000).variant(null, "black", 5),
                style("LN-1", "shirts").climate(Climate.WARM).markdown(5_000).variant(null, "white", 5),
                style("SC-1", "scarves").climate(Climate.ALL).markdown(2_000).variant(null, "red", 5));

        Decision naha = rules.decide(customer().livesIn(47, "Kyushu-Okinawa", ClimateZone.WARM).build());
        Decision sapporo = rules.decide(customer().livesIn(1, "Hokkaido", ClimateZone.COLD).build());

        assertEquals(List.of("LN-1", "SC-1"), naha.items().stream().map(OfferedItem::styleCode).sorted().toList());
        assertEquals(List.of("CT-1", "SC-1"), sapporo.items().stream().map(OfferedItem::styleCode).sorted().toList());
    }

    @Test
    void customerWithUnknownZoneGetsOnlyItemsForAllClimatesAndIsOutsideZoneAudiences() {
        CompiledRules items = compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "match_customer_climate": true, "max_items": 5}}
                """,
                style("CT-1", "coats").climate(Climate.COLD).markdown(9_000).variant(null, "black", 5),
                style("SC-1", "scarves").climate(Climate.ALL).markdown(2_000).variant(null, "red", 5));

        Decision unknown = items.decide(customer().livesIn(0, null, null).build());

        assertEquals(List.of("SC-1"), unknown.items().stream().map(OfferedItem::styleCode).toList());
        assertEquals(SkipReason.NOT_IN_AUDIENCE, decideFor(rules("{\"climate_zones\": [\"COLD\"]}"), 0, null, null));
    }

    @Test
    void lastChanceOfAColdClimateStyleIsLeftOutForAWarmZoneBuyer() {
        CompiledRules rules = compile("""
                {"items": {"sources": [{"type": "LAST_CHANCE"}], "match_customer_climate": true}}
                """, style("CT-1", "coats").climate(Climate.COLD).discontinuing(null).size("M", 5));

        Decision d = rules.decide(customer().livesIn(47, "Kyushu-Okinawa", ClimateZone.WARM)
                .wears("coats", "M", 1, daysAgo(100)).bought("CT-1", 1, daysAgo(100), "M").build());

        assertEquals(SkipReason.NOT_ENOUGH_RELEVANT_ITEMS, d.skipReason());
        assertTrue(d.explanation().contains("coats CT-1 left out: made for COLD climates, customer is in a WARM zone"));
    }
}
