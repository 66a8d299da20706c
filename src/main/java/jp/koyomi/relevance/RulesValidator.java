package jp.koyomi.relevance;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks content rules and names every problem by its JSON path ("rules.items.max_items: must be
 * >= min_items (2)"), so a marketer can fix them all in one go.
 */
public final class RulesValidator {

    private final List<String> problems = new ArrayList<>();

    private RulesValidator() {
    }

    /** Every problem found; empty when the rules can be compiled. */
    public static List<String> problems(ContentRules rules) {
        RulesValidator v = new RulesValidator();
        v.check(rules);
        return List.copyOf(v.problems);
    }

    /** @throws InvalidRulesException listing every problem */
    public static ContentRules requireValid(ContentRules rules) {
        List<String> found = problems(rules);
        if (!found.isEmpty()) {
            throw new InvalidRulesException(found);
        }
        return rules;
    }

    private void check(ContentRules rules) {
        if (rules == null) {
            problem("rules", "required");
            return;
        }
        if (rules.items() == null && rules.blocks() == null) {
            problem("rules", "needs \"items\" or \"blocks\": there is nothing to send");
        }
        if (rules.window() != null) {
            window(rules.window());
        }
        if (rules.audience() != null) {
            audience(rules.audience());
        }
        if (rules.items() != null) {
            items(rules.items());
        }
        if (rules.blocks() != null) {
            blocks(rules.blocks());
        }
    }

    private void window(ContentRules.Window w) {
        TemporalAccessor from = windowEnd("rules.window.from", w.from());
        TemporalAccessor to = windowEnd("rules.window.to", w.to());
        if (from == null || to == null) {
            return;
        }
        if (from.getClass() != to.getClass()) {
            problem("rules.window", "from and to must both be dates (YYYY-MM-DD) or both month-days (MM-DD)");
        } else if (from instanceof LocalDate f && ((LocalDate) to).isBefore(f)) {
            problem("rules.window.to", "must not be before from (" + w.from() + ")");
        }
    }

    private TemporalAccessor windowEnd(String path, String text) {
        if (text == null) {
            problem(path, "required");
            return null;
        }
        TemporalAccessor parsed = WindowDates.parse(text);
        if (parsed == null) {
            problem(path, "'" + text + "' is not a date (YYYY-MM-DD) or a yearly month-day (MM-DD)");
        }
        return parsed;
    }

    private void audience(ContentRules.Audience a) {
        noNulls("rules.audience.climate_zones", a.climateZones());
        if (a.regions() != null) {
            for (int i = 0; i < a.regions().size(); i++) {
                String region = a.regions().get(i);
                if (region == null || ContentRules.REGIONS.stream().noneMatch(region::equalsIgnoreCase)) {
                    problem("rules.audience.regions[" + i + "]", "'" + region + "' is not a region; use one of "
                            + String.join(", ", ContentRules.REGIONS));
                }
            }
        }
        prefectures("rules.audience.prefectures", a.prefectures());
        prefectures("rules.audience.exclude_prefectures", a.excludePrefectures());
    }

    private void prefectures(String path, List<Integer> codes) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            Integer code = codes.get(i);
            if (code == null || code < 1 || code > 47) {
                problem(path + "[" + i + "]", "'" + code + "' is not a prefecture code (1-47)");
            }
        }
    }

    private void items(ContentRules.Items items) {
        String p = "rules.items";
        if (items.sources() == null || items.sources().isEmpty()) {
            problem(p + ".sources", "name at least one of LAST_CHANCE, MARKDOWN, NEW_ARRIVALS");
        } else {
            Set<ItemSource> seen = EnumSet.noneOf(ItemSource.class);
            for (int i = 0; i < items.sources().size(); i++) {
                source(p + ".sources[" + i + "]", items.sources().get(i), seen);
            }
        }
        noBlanks(p + ".categories", items.categories());
        noBlanks(p + ".styles", items.styles());
        noNulls(p + ".climates", items.climates());
        atLeast(p + ".min_stock", items.minStock(), 0);
        atLeast(p + ".not_offered_within_days", items.notOfferedWithinDays(), 0);
        atLeast(p + ".min_items", items.minItems(), 0);
        atLeast(p + ".max_items", items.maxItems(), 1);
        int min = items.minItems() == null ? ContentRules.Items.DEFAULT_MIN_ITEMS : items.minItems();
        int max = items.maxItems() == null ? ContentRules.Items.DEFAULT_MAX_ITEMS : items.maxItems();
        if (min >= 0 && max >= 1 && max < min) {
            problem(p + ".max_items", "must be >= min_items (" + min + ")");
        }
    }

    private void source(String p, ContentRules.Source s, Set<ItemSource> seen) {
        if (s == null || s.type() == null) {
            problem(p + ".type", "required: LAST_CHANCE, MARKDOWN or NEW_ARRIVALS");
            return;
        }
        if (!seen.add(s.type())) {
            problem(p + ".type", s.type() + " is listed twice");
        }
        onlyFor(p + ".bought_scope", s.boughtScope(), s.type(), ItemSource.LAST_CHANCE);
        onlyFor(p + ".overstock_above", s.overstockAbove(), s.type(), ItemSource.MARKDOWN);
        onlyFor(p + ".arrived_within_days", s.arrivedWithinDays(), s.type(), ItemSource.NEW_ARRIVALS);
        onlyFor(p + ".top_categories", s.topCategories(), s.type(), ItemSource.NEW_ARRIVALS);
        atLeast(p + ".overstock_above", s.overstockAbove(), 0);
        atLeast(p + ".arrived_within_days", s.arrivedWithinDays(), 1);
        atLeast(p + ".top_categories", s.topCategories(), 1);
    }

    private void onlyFor(String path, Object value, ItemSource actual, ItemSource owner) {
        if (value != null && actual != owner) {
            problem(path, "only applies to " + owner + ", not " + actual);
        }
    }

    private void blocks(ContentRules.Blocks b) {
        if (b.howTo() != null) {
            howTo(b.howTo());
        }
        if (b.points() != null) {
            ContentRules.Points pts = b.points();
            required("rules.blocks.points.min_points", pts.minPoints());
            required("rules.blocks.points.expiring_within_days", pts.expiringWithinDays());
            atLeast("rules.blocks.points.min_points", pts.minPoints(), 1);
            atLeast("rules.blocks.points.expiring_within_days", pts.expiringWithinDays(), 0);
        }
        if (b.topics() != null) {
            List<ContentRules.TopicBlock> list = b.topics().blocks();
            if (list == null || list.isEmpty()) {
                problem("rules.blocks.topics.blocks", "name at least one topic block");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String p = "rules.blocks.topics.blocks[" + i + "]";
                ContentRules.TopicBlock t = list.get(i);
                if (t == null) {
                    problem(p, "required");
                    continue;
                }
                text(p + ".topic", t.topic());
                text(p + ".key", t.key());
                text(p + ".title", t.title());
            }
        }
    }

    private void howTo(ContentRules.HowTo h) {
        String p = "rules.blocks.how_to";
        required(p + ".bought_within_days", h.boughtWithinDays());
        atLeast(p + ".bought_within_days", h.boughtWithinDays(), 1);
        atLeast(p + ".max_blocks", h.maxBlocks(), 1);
        if (h.guides() == null || h.guides().isEmpty()) {
            problem(p + ".guides", "name at least one guide");
            return;
        }
        for (int i = 0; i < h.guides().size(); i++) {
            String g = p + ".guides[" + i + "]";
            ContentRules.Guide guide = h.guides().get(i);
            if (guide == null) {
                problem(g, "required");
                continue;
            }
            boolean category = guide.category() != null && !guide.category().isBlank();
            boolean style = guide.style() != null && !guide.style().isBlank();
            if (category == style) {
                problem(g, "set exactly one of category or style");
            }
            text(g + ".key", guide.key());
            text(g + ".title", guide.title());
        }
    }

    private void required(String path, Object value) {
        if (value == null) {
            problem(path, "required");
        }
    }

    private void text(String path, String value) {
        if (value == null || value.isBlank()) {
            problem(path, "required");
        }
    }

    private void atLeast(String path, Integer value, int min) {
        if (value != null && value < min) {
            problem(path, "must be >= " + min + ", was " + value);
        }
    }

    private void noBlanks(String path, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                problem(path + "[" + i + "]", "must not be blank");
            }
        }
    }

    private void noNulls(String path, List<?> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                problem(path + "[" + i + "]", "must not be null");
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }
}
