package jp.koyomi.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.domain.ClimateZone;

/** Reading, writing and validating rule JSON: every problem names its path. */
class RulesJsonTest {

    private static List<String> problems(String json) {
        return assertThrows(InvalidRulesException.class, () -> RulesJson.parse(json)).problems();
    }

    @Test
    void shouldReadTheDocumentedExamplesAndWriteThemBackUnchanged() {
        for (String json : List.of(BrandStoriesTest.LAST_CHANCE_JEANS, BrandStoriesTest.WINTER_COAT_MARKDOWN,
                BrandStoriesTest.NEWSLETTER)) {
            ContentRules rules = RulesJson.parse(json);

            assertEquals(rules, RulesJson.parse(RulesJson.write(rules)));
        }
    }

    @Test
    void everyRulesExampleInTheMarketersGuideIsValid() throws Exception {
        String guide = Files.readString(Path.of("docs/relevance.md"));
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        int examples = 0;
        while (json.find()) {
            RulesJson.parse(json.group(1));
            examples++;
        }

        assertEquals(3, examples);
    }

    @Test
    void shouldRefuseCamelCaseFieldNamesBecauseRulesAreSnakeCaseLikeTheRestOfTheApi() {
        List<String> problems = problems("""
                {"items": {"sources": [{"type": "LAST_CHANCE", "boughtScope": "STYLE"}], "minItems": 1}}
                """);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("rules.items.sources[0].boughtScope: unknown field"), problems.get(0));
        assertTrue(problems.get(0).contains("bought_scope"), problems.get(0));
    }

    @Test
    void shouldWriteSnakeCaseFieldNames() {
        String json = RulesJson.write(RulesJson.parse("""
                {"items": {"sources": [{"type": "MARKDOWN", "overstock_above": 20}], "min_items": 2}}
                """));

        assertTrue(json.contains("\"overstock_above\":20") && json.contains("\"min_items\":2"), json);
    }

    @Test
    void shouldReadFromATreeAndAcceptLowerCaseEnums() throws Exception {
        ContentRules rules = RulesJson.parse(new ObjectMapper().readTree("""
                {"audience": {"climate_zones": ["cold"]}, "items": {"sources": [{"type": "markdown"}]}}
                """));

        assertEquals(List.of(ClimateZone.COLD), rules.audience().climateZones());
        assertEquals(ItemSource.MARKDOWN, rules.items().sources().get(0).type());
    }

    @Test
    void maxItemsBelowMinItems() {
        assertEquals(List.of("rules.items.max_items: must be >= min_items (3)"), problems("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "min_items": 3, "max_items": 2}}
                """));
    }

    @Test
    void maxItemsBelowTheDefaultMinimum() {
        assertEquals(List.of("rules.items.max_items: must be >= 1, was 0"), problems("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "max_items": 0}}
                """));
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        List<String> found = problems("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "maxItem": 3}}
                """);

        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("rules.items.maxItem: unknown field; known fields: categories, climates,"),
                found.get(0));
    }

    @Test
    void wrongEnumValueNamesTheAllowedOnes() {
        assertEquals(List.of("rules.audience.climate_zones[1]: 'ARCTIC' is not one of COLD, TEMPERATE, WARM"), problems("""
                {"audience": {"climate_zones": ["COLD", "ARCTIC"]}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """));
    }

    @Test
    void wrongTypeOfValue() {
        assertEquals(List.of("rules.items.min_stock: 'many' is not a valid whole number"), problems("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "min_stock": "many"}}
                """));
    }

    @Test
    void malformedJsonSaysWhere() {
        List<String> found = problems("{\"items\": {\"sources\": [}");

        assertTrue(found.get(0).startsWith("rules: not valid JSON at line 1, column "), found.get(0));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(List.of(
                "rules.window.from: '2026-02-30' is not a date (YYYY-MM-DD) or a yearly month-day (MM-DD)",
                "rules.audience.regions[0]: 'Hokaido' is not a region; use one of Hokkaido, Tohoku, Kanto, Chubu, "
                        + "Kinki, Chugoku, Shikoku, Kyushu-Okinawa",
                "rules.audience.prefectures[0]: '48' is not a prefecture code (1-47)",
                "rules.items.sources[0].overstock_above: only applies to MARKDOWN, not LAST_CHANCE",
                "rules.items.sources[1].type: LAST_CHANCE is listed twice",
                "rules.items.categories[0]: must not be blank",
                "rules.items.min_stock: must be >= 0, was -1",
                "rules.blocks.how_to.bought_within_days: required",
                "rules.blocks.how_to.guides[0]: set exactly one of category or style",
                "rules.blocks.points.expiring_within_days: required",
                "rules.blocks.topics.blocks[0].key: required"), problems("""
                {
                  "window": {"from": "2026-02-30", "to": "2026-03-15"},
                  "audience": {"regions": ["Hokaido"], "prefectures": [48]},
                  "items": {
                    "sources": [{"type": "LAST_CHANCE", "overstock_above": 3}, {"type": "LAST_CHANCE"}],
                    "categories": [" "],
                    "min_stock": -1
                  },
                  "blocks": {
                    "how_to": {"guides": [{"category": "jeans", "style": "JN-204", "key": "k", "title": "t"}]},
                    "points": {"min_points": 500},
                    "topics": {"blocks": [{"topic": "craft", "title": "t"}]}
                  }
                }
                """));
    }

    @Test
    void windowEndsMustBeOfOneKindAndInOrder() {
        assertEquals(List.of("rules.window: from and to must both be dates (YYYY-MM-DD) or both month-days (MM-DD)"),
                problems("""
                        {"window": {"from": "12-01", "to": "2026-02-28"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                        """));
        assertEquals(List.of("rules.window.to: must not be before from (2026-03-01)"), problems("""
                {"window": {"from": "2026-03-01", "to": "2026-02-28"}, "items": {"sources": [{"type": "MARKDOWN"}]}}
                """));
    }

    @Test
    void rulesWithNothingToSend() {
        assertEquals(List.of("rules: needs \"items\" or \"blocks\": there is nothing to send"), problems("{}"));
        assertEquals(List.of("rules.items.sources: name at least one of LAST_CHANCE, MARKDOWN, NEW_ARRIVALS"),
                problems("{\"items\": {}}"));
    }

    @Test
    void compileRefusesRulesThatDoNotValidate() {
        ContentRules broken = new ContentRules(null, null, new ContentRules.Items(List.of(), null, null, null, null,
                null, null, null, null, null, null), null);

        InvalidRulesException e = assertThrows(InvalidRulesException.class,
                () -> CompiledRules.compile(broken, CatalogSnapshot.of(List.of()), Fixtures.RUN));

        assertEquals(List.of("rules.items.sources: name at least one of LAST_CHANCE, MARKDOWN, NEW_ARRIVALS"),
                e.problems());
    }

    @Test
    void compileWarnsAboutNamesTheCatalogDoesNotHave() {
        CompiledRules rules = Fixtures.compile("""
                {"items": {"sources": [{"type": "MARKDOWN"}], "categories": ["jenas"], "styles": ["XX-1"]}}
                """, Fixtures.style("JN-1", "jeans").markdown(100).size("M", 3));

        assertTrue(rules.warnings().contains("rules.items.categories[0]: no style in the catalog has category 'jenas'"));
        assertTrue(rules.warnings().contains("rules.items.styles[0]: no style 'XX-1' in the catalog"));
    }
}
