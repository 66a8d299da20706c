package jp.koyomi.relevance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;

/**
 * A campaign's content rules bound to one run and one catalog snapshot. Compiling does every check
 * that is the same for all customers (window, lifecycle, season, climate tags, categories,
 * markdown and overstock, arrival dates) and leaves per-rule candidate lists sorted by their
 * customer-independent score; {@link #decide} then reads only those lists and the customer's own
 * history. Immutable: one instance serves every thread of the run.
 */
public final class CompiledRules {

    /** Source weights of the score (docs/relevance.md, "Score"). */
    static final int LAST_CHANCE_WEIGHT = 40;
    static final int MARKDOWN_WEIGHT = 30;
    static final int NEW_ARRIVAL_WEIGHT = 20;
    static final int MAX_FRESHNESS = 20;
    static final int PER_CATEGORY_PURCHASE = 10;
    static final int MAX_CATEGORY_PURCHASES = 5;
    static final int PER_STYLE_PURCHASE = 15;
    static final int MAX_STYLE_PURCHASES = 3;

    private final RunContext run;
    private final CatalogSnapshot catalog;
    private final LocalDate runDate;
    private final Decision outOfWindow;
    private final Audience audience;
    private final List<String> warnings;

    private final boolean hasItems;
    private final int minStock;
    private final int minItems;
    private final int maxItems;
    private final ContentRules.UnknownSize unknownSize;
    private final int repeatDays;
    private final Instant repeatCutoff;
    private final boolean matchClimate;

    private final Map<String, Candidate> lastChanceByStyle;
    private final Map<String, Candidate[]> lastChanceByCategory;
    /** Per climate zone slot (see {@link #zoneSlot}). */
    private final SizedIndex[] markdowns;
    private final List<Map<String, Candidate[]>> arrivals;
    private final int topCategories;

    private final Blocks blocks;

    private CompiledRules(ContentRules rules, CatalogSnapshot catalog, RunContext run) {
        this.run = run;
        this.catalog = catalog;
        this.runDate = run.runDate();
        List<String> warned = new ArrayList<>();
        this.outOfWindow = rules.window() == null || WindowDates.contains(rules.window(), runDate) ? null
                : Decision.skip(SkipReason.OUT_OF_WINDOW, "run date " + runDate + " is outside the campaign window "
                        + rules.window().from() + " to " + rules.window().to());
        this.audience = new Audience(rules.audience());
        ContentRules.Items items = rules.items();
        this.hasItems = items != null;
        this.minStock = orDefault(items == null ? null : items.minStock(), ContentRules.Items.DEFAULT_MIN_STOCK);
        this.minItems = orDefault(items == null ? null : items.minItems(), hasItems ? ContentRules.Items.DEFAULT_MIN_ITEMS : 0);
        this.maxItems = orDefault(items == null ? null : items.maxItems(), ContentRules.Items.DEFAULT_MAX_ITEMS);
        this.unknownSize = items == null || items.unknownSize() == null ? ContentRules.UnknownSize.ONE_SIZE_ONLY
                : items.unknownSize();
        this.repeatDays = orDefault(items == null ? null : items.notOfferedWithinDays(), 0);
        this.repeatCutoff = repeatDays == 0 ? null : run.runAt().minus(Duration.ofDays(repeatDays));
        this.matchClimate = items != null && Boolean.TRUE.equals(items.matchCustomerClimate());

        Map<String, Candidate> byStyle = null;
        Map<String, Candidate[]> byCategory = null;
        SizedIndex[] marked = null;
        List<Map<String, Candidate[]>> arrived = null;
        int top = 0;
        if (items != null) {
            List<StockedStyle> eligible = eligible(items, catalog, warned);
            for (int i = 0; i < items.sources().size(); i++) {
                ContentRules.Source source = items.sources().get(i);
                List<Candidate> found = candidates(source, eligible);
                if (found.isEmpty()) {
                    warned.add("rules.items.sources[" + i + "]: no style in the catalog qualifies for " + source.type()
                            + " with these item filters");
                }
                switch (source.type()) {
                    case LAST_CHANCE -> {
                        if (source.boughtScope() == ContentRules.BoughtScope.CATEGORY) {
                            byCategory = byCategory(found);
                        } else {
                            byStyle = new HashMap<>();
                            for (Candidate c : found) {
                                byStyle.put(c.item().code(), c);
                            }
                        }
                    }
                    case MARKDOWN -> marked = perZone(found).stream().map(SizedIndex::new).toArray(SizedIndex[]::new);
                    case NEW_ARRIVALS -> {
                        arrived = perZone(found).stream().map(CompiledRules::byCategory).toList();
                        top = orDefault(source.topCategories(), ContentRules.Source.DEFAULT_TOP_CATEGORIES);
                    }
                }
            }
        }
        this.lastChanceByStyle = byStyle;
        this.lastChanceByCategory = byCategory;
        this.markdowns = marked;
        this.arrivals = arrived;
        this.topCategories = top;
        this.blocks = new Blocks(rules.blocks(), run, catalog, warned);
        this.warnings = List.copyOf(warned);
    }

    /**
     * Binds validated rules to a run and its catalog snapshot.
     *
     * @throws InvalidRulesException when the rules do not validate
     */
    public static CompiledRules compile(ContentRules rules, CatalogSnapshot catalog, RunContext run) {
        return new CompiledRules(RulesValidator.requireValid(rules), catalog, run);
    }

    /**
     * Things that are valid but probably not meant, as "json.path: what" (a category no style has, a
     * rule that finds nothing in this catalog): worth showing on a dry run.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether the run date is inside the campaign's window (always true without one). */
    public boolean isActive() {
        return outOfWindow == null;
    }

    /** What to send this customer, or why not. Thread-safe; allocates only for this customer. */
    public Decision decide(CustomerProfile customer) {
        if (outOfWindow != null) {
            return outOfWindow;
        }
        Note notInAudience = audience.miss(customer);
        if (notInAudience != null) {
            return Decision.skip(SkipReason.NOT_IN_AUDIENCE, List.of(notInAudience));
        }
        List<ContentBlock> chosen = new ArrayList<>(4);
        if (!blocks.addTopics(customer, chosen) && blocks.topicsRequired()) {
            return Decision.skip(SkipReason.NO_TOPIC_MATCH, List.of(blocks.topicMiss(customer)));
        }
        if (!blocks.addPoints(customer, runDate, chosen) && blocks.pointsRequired()) {
            return Decision.skip(SkipReason.NO_EXPIRING_POINTS, List.of(blocks.pointsMiss(customer)));
        }
        List<OfferedItem> offered = List.of();
        List<Note> notes = new ArrayList<>(4);
        Evaluation e = null;
        if (hasItems) {
            e = new Evaluation(this, customer, notes);
            if (lastChanceByStyle != null || lastChanceByCategory != null) {
                lastChance(e, customer);
            }
            if (markdowns != null) {
                e.considerIndexed(markdowns[zoneSlot(customer.climateZone())]);
            }
            if (arrivals != null) {
                newArrivals(e, customer);
            }
            e.noteScoredTooLow();
            if (e.unknownSizeSkip) {
                return Decision.skip(SkipReason.UNKNOWN_SIZE, notes);
            }
            offered = e.selection.items();
            if (offered.size() < minItems) {
                return Decision.skip(e.tellingReason(), withSummary(notes, e));
            }
        }
        blocks.addHowTo(customer, chosen);
        if (offered.isEmpty() && chosen.isEmpty()) {
            return Decision.skip(e == null ? SkipReason.NO_RELEVANT_CONTENT : e.tellingReason(), withSummary(notes, e));
        }
        return Decision.offer(offered, chosen, notes);
    }

    private List<Note> withSummary(List<Note> notes, Evaluation e) {
        if (e == null) {
            notes.add(0, () -> "no content block applies to this customer");
        } else {
            int found = e.selection.size();
            int considered = e.considered;
            notes.add(0, () -> minItems == 0
                    ? "no relevant item (" + considered + " considered for this customer) and no content block"
                    : found + " relevant item" + (found == 1 ? "" : "s") + " found, " + minItems + " needed ("
                            + considered + " considered for this customer)");
        }
        return notes;
    }

    private void lastChance(Evaluation e, CustomerProfile customer) {
        if (lastChanceByStyle != null) {
            for (StyleHistory bought : customer.styles().values()) {
                Candidate c = lastChanceByStyle.get(bought.styleCode());
                if (c != null && bought.purchases() > 0) {
                    e.considerLastChance(c);
                }
            }
            return;
        }
        for (CategoryHistory bought : customer.categories().values()) {
            Candidate[] inCategory = lastChanceByCategory.get(bought.category());
            if (inCategory != null && bought.purchases() > 0) {
                for (Candidate c : inCategory) {
                    e.considerLastChance(c);
                }
            }
        }
    }

    private void newArrivals(Evaluation e, CustomerProfile customer) {
        Map<String, Candidate[]> byCategory = arrivals.get(zoneSlot(customer.climateZone()));
        CategoryHistory[] favourites = e.categoriesByAffinity();
        for (int i = 0; i < favourites.length && i < topCategories && favourites[i].purchases() > 0; i++) {
            e.considerCategory(byCategory.get(favourites[i].category()), favourites[i]);
        }
    }

    private List<StockedStyle> eligible(ContentRules.Items items, CatalogSnapshot catalog, List<String> warned) {
        Set<String> categories = items.categories() == null || items.categories().isEmpty() ? null
                : Set.copyOf(items.categories());
        Set<String> styles = items.styles() == null || items.styles().isEmpty() ? null : Set.copyOf(items.styles());
        Set<Climate> climates = items.climates() == null || items.climates().isEmpty() ? null
                : Set.copyOf(items.climates());
        boolean inSeason = Boolean.TRUE.equals(items.inSeason());
        Season season = Season.of(runDate);
        List<StockedStyle> eligible = new ArrayList<>();
        Set<String> seenCategories = new HashSet<>();
        for (StockedStyle s : catalog.stockedStyles()) {
            Style style = s.style;
            seenCategories.add(style.category());
            if (style.isSellableOn(runDate)
                    && (categories == null || categories.contains(style.category()))
                    && (styles == null || styles.contains(style.code()))
                    && (!inSeason || style.season().isSoldIn(season))
                    && (climates == null || climates.contains(style.climate()))) {
                eligible.add(s);
            }
        }
        if (categories != null) {
            for (int i = 0; i < items.categories().size(); i++) {
                if (!seenCategories.contains(items.categories().get(i))) {
                    warned.add("rules.items.categories[" + i + "]: no style in the catalog has category '"
                            + items.categories().get(i) + "'");
                }
            }
        }
        if (styles != null) {
            for (int i = 0; i < items.styles().size(); i++) {
                if (catalog.stocked(items.styles().get(i)) == null) {
                    warned.add("rules.items.styles[" + i + "]: no style '" + items.styles().get(i) + "' in the catalog");
                }
            }
        }
        return eligible;
    }

    private List<Candidate> candidates(ContentRules.Source source, List<StockedStyle> eligible) {
        List<Candidate> found = new ArrayList<>();
        int overstock = orDefault(source.overstockAbove(), 0);
        int window = orDefault(source.arrivedWithinDays(), ContentRules.Source.DEFAULT_ARRIVED_WITHIN_DAYS);
        for (StockedStyle s : eligible) {
            Style style = s.style;
            int discount = style.percentOff();
            switch (source.type()) {
                case LAST_CHANCE -> {
                    if (style.lifecycle() == Lifecycle.DISCONTINUING) {
                        found.add(new Candidate(s, ItemSource.LAST_CHANCE, LAST_CHANCE_WEIGHT + discount));
                    }
                }
                case MARKDOWN -> {
                    if (style.isMarkedDown() && s.totalStock > overstock) {
                        found.add(new Candidate(s, ItemSource.MARKDOWN, MARKDOWN_WEIGHT + discount));
                    }
                }
                case NEW_ARRIVALS -> {
                    Instant arrived = style.arrivedAt();
                    if (style.lifecycle() == Lifecycle.ACTIVE && arrived != null && !arrived.isAfter(run.runAt())) {
                        long age = Duration.between(arrived, run.runAt()).toDays();
                        if (age < window) {
                            int fresh = (int) (MAX_FRESHNESS * (window - age) / window);
                            found.add(new Candidate(s, ItemSource.NEW_ARRIVALS, NEW_ARRIVAL_WEIGHT + fresh + discount));
                        }
                    }
                }
            }
        }
        found.sort(BEST_FIRST);
        return found;
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::baseScore).reversed()
            .thenComparing(c -> c.item().code());

    /**
     * The candidates for each climate zone slot: with matchCustomerClimate only those whose climate
     * tag suits the zone; a customer whose zone is unknown gets only items tagged ALL.
     */
    private List<List<Candidate>> perZone(List<Candidate> found) {
        List<List<Candidate>> zones = new ArrayList<>();
        for (int slot = 0; slot <= ClimateZone.values().length; slot++) {
            ClimateZone zone = slot < ClimateZone.values().length ? ClimateZone.values()[slot] : null;
            zones.add(found.stream().filter(c -> !matchClimate || suits(c.item().style.climate(), zone)).toList());
        }
        return zones;
    }

    static boolean suits(Climate climate, ClimateZone zone) {
        return zone == null ? climate == Climate.ALL : climate.suits(zone);
    }

    private static int zoneSlot(ClimateZone zone) {
        return zone == null ? ClimateZone.values().length : zone.ordinal();
    }

    private static Map<String, Candidate[]> byCategory(List<Candidate> sorted) {
        Map<String, List<Candidate>> grouped = new HashMap<>();
        for (Candidate c : sorted) {
            grouped.computeIfAbsent(c.item().style.category(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Candidate[]> arrays = new HashMap<>();
        grouped.forEach((category, list) -> arrays.put(category, list.toArray(Candidate[]::new)));
        return arrays;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    CatalogSnapshot catalog() {
        return catalog;
    }

    RunContext run() {
        return run;
    }

    public int minStock() {
        return minStock;
    }

    int maxItems() {
        return maxItems;
    }

    int repeatDays() {
        return repeatDays;
    }

    Instant repeatCutoff() {
        return repeatCutoff;
    }

    boolean matchClimate() {
        return matchClimate;
    }

    boolean skipsUnknownSize() {
        return unknownSize == ContentRules.UnknownSize.SKIP;
    }

    /** The audience filter, with names lower-cased once so a check is a few comparisons. */
    private static final class Audience {

        private final Set<ClimateZone> zones;
        private final List<String> regions;
        private final Set<Integer> prefectures;
        private final Set<Integer> excluded;

        Audience(ContentRules.Audience a) {
            zones = a == null || a.climateZones() == null || a.climateZones().isEmpty() ? null
                    : Set.copyOf(a.climateZones());
            regions = a == null || a.regions() == null || a.regions().isEmpty() ? null
                    : List.copyOf(a.regions());
            prefectures = a == null || a.prefectures() == null || a.prefectures().isEmpty() ? null
                    : Set.copyOf(a.prefectures());
            excluded = a == null || a.excludePrefectures() == null ? Set.of() : Set.copyOf(a.excludePrefectures());
        }

        /** Why the customer is not in the audience, or null when they are. */
        Note miss(CustomerProfile c) {
            if (zones != null && (c.climateZone() == null || !zones.contains(c.climateZone()))) {
                return () -> "not in audience: climate zone " + c.climateZone() + " is not one of " + sorted(zones);
            }
            if (regions != null && !inRegions(c.region())) {
                return () -> "not in audience: region " + c.region() + " is not one of " + sorted(regions);
            }
            if (prefectures != null && !prefectures.contains(c.prefecture())) {
                return () -> "not in audience: prefecture " + c.prefecture() + " is not one of " + sorted(prefectures);
            }
            if (excluded.contains(c.prefecture())) {
                return () -> "not in audience: prefecture " + c.prefecture() + " is excluded";
            }
            return null;
        }

        private boolean inRegions(String region) {
            for (String r : regions) {
                if (r.equalsIgnoreCase(region)) {
                    return true;
                }
            }
            return false;
        }

        private static String sorted(Collection<?> values) {
            return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
    }
}
