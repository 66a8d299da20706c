package jp.koyomi.relevance;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's pass over the candidates: the size, repeat and stock checks, the ranking, and a
 * count of why relevant items were left out, so a skip names the most telling reason.
 */
final class Evaluation {

    final Selection selection;
    int considered;
    boolean unknownSizeSkip;

    private final CompiledRules rules;
    private final CustomerProfile customer;
    private final List<Note> notes;
    private int noSize;
    private int unknownSize;
    private int recentlyOffered;
    private int styleBonusBound = -1;
    /** Set while walking lists after the customer's bought styles were already considered. */
    private boolean boughtConsidered;
    private int scoredTooLow;
    private StockedStyle[] recent;
    private CategoryHistory[] byAffinity;
    private Instant[] recentAt;

    private static final StockedStyle[] NONE = new StockedStyle[0];

    Evaluation(CompiledRules rules, CustomerProfile customer, List<Note> notes) {
        this.rules = rules;
        this.customer = customer;
        this.notes = notes;
        this.selection = new Selection(rules.maxItems());
    }

    /** A last-chance style the customer bought (or bought in the category of). */
    void considerLastChance(Candidate c) {
        if (rules.matchClimate() && !CompiledRules.suits(c.item().style.climate(), customer.climateZone())) {
            notes.add(Exclusion.climate(c.item(), customer.climateZone(), rules));
            return;
        }
        consider(c);
    }

    /** Candidates of one category, best first (see {@link #considerAll(Candidate[], int)}). */
    void considerCategory(Candidate[] sorted, CategoryHistory category) {
        if (sorted != null) {
            considerAll(sorted, categoryBonus(category.purchases()) + styleBonusBound());
        }
    }

    /**
     * A list sorted best first: stops once no later candidate could enter the ranking even with
     * the most {@code bonus} this customer's history can add to it.
     */
    private void considerAll(Candidate[] sorted, int bonus) {
        for (int i = 0; i < sorted.length && !unknownSizeSkip; i++) {
            if (selection.isFull() && sorted[i].baseScore() + bonus < selection.lowestScore()) {
                scoredTooLow += sorted.length - i;
                return;
            }
            consider(sorted[i]);
        }
    }

    /** Adds the line for candidates never visited because they could not have made the ranking. */
    void noteScoredTooLow() {
        if (scoredTooLow > 0) {
            int n = scoredTooLow;
            notes.add(() -> n + " more item" + (n == 1 ? "" : "s") + " scored too low to make the best "
                    + rules.maxItems());
        }
    }

    /**
     * One-size candidates, then sized ones in the categories where the customer's size is known; the
     * other sized candidates are counted as left out for an unknown size without being visited.
     */
    void considerIndexed(SizedIndex index) {
        // Styles the customer bought go first: only they earn the style part of the score, so the
        // lists below can then be cut off by the category part alone.
        for (StyleHistory bought : customer.styles().values()) {
            Candidate c = index.byCode.get(bought.styleCode());
            if (c != null && (c.item().isOneSize() || knowsSize(customer, c.item().style.category()))) {
                consider(c);
            }
        }
        boughtConsidered = true;
        CategoryHistory[] favourites = categoriesByAffinity();
        if (index.oneSize.length > 0) {
            considerAll(index.oneSize, categoryBonus(favourites.length == 0 ? 0 : favourites[0].purchases()));
        }
        int visited = 0;
        // Favourite categories first: their items score highest, so the ranking fills early and
        // the lists after them stop sooner.
        for (CategoryHistory category : favourites) {
            Candidate[] sized = index.sizedByCategory.get(category.category());
            if (sized != null && knowsSize(category)) {
                visited += sized.length;
                considerAll(sized, categoryBonus(category.purchases()));
            }
        }
        boughtConsidered = false;
        int unknown = index.sizedCount - visited;
        if (unknown > 0) {
            unknownSize += unknown;
            unknownSizeSkip |= rules.skipsUnknownSize();
            CustomerProfile c = customer;
            notes.add(() -> unknown + " item" + (unknown == 1 ? "" : "s") + " left out: size unknown in "
                    + String.join(", ", index.unknownSizeCategories(c)) + " and not one-size");
        }
    }

    static boolean knowsSize(CustomerProfile customer, String category) {
        return knowsSize(customer.categories().get(category));
    }

    private static boolean knowsSize(CategoryHistory category) {
        return category != null && category.size() != null && !category.size().isEmpty();
    }

    /** The customer's categories, most purchases first, then the latest purchase, then by name. */
    CategoryHistory[] categoriesByAffinity() {
        if (byAffinity == null) {
            byAffinity = customer.categories().values().toArray(new CategoryHistory[0]);
            if (byAffinity.length > 1) {
                Arrays.sort(byAffinity, BY_AFFINITY);
            }
        }
        return byAffinity;
    }

    private static final Comparator<CategoryHistory> BY_AFFINITY = (a, b) -> {
        if (a.purchases() != b.purchases()) {
            return Integer.compare(b.purchases(), a.purchases());
        }
        Instant x = a.lastPurchase();
        Instant y = b.lastPurchase();
        if (x != null && y != null && !x.equals(y)) {
            return y.compareTo(x);
        }
        if (x == null != (y == null)) {
            return x == null ? 1 : -1;
        }
        return a.category().compareTo(b.category());
    };

    /** The most the style part of the score can add for this customer: their most bought style. */
    private int styleBonusBound() {
        if (styleBonusBound < 0) {
            int stylePurchases = 0;
            for (StyleHistory s : customer.styles().values()) {
                stylePurchases = Math.max(stylePurchases, s.purchases());
            }
            styleBonusBound = styleBonus(stylePurchases);
        }
        return styleBonusBound;
    }

    private static int categoryBonus(int purchases) {
        return CompiledRules.PER_CATEGORY_PURCHASE * Math.min(purchases, CompiledRules.MAX_CATEGORY_PURCHASES);
    }

    private static int styleBonus(int purchases) {
        return CompiledRules.PER_STYLE_PURCHASE * Math.min(purchases, CompiledRules.MAX_STYLE_PURCHASES);
    }

    private void consider(Candidate c) {
        StockedStyle item = c.item();
        StyleHistory style = customer.styles().get(item.code());
        if (style != null && boughtConsidered) {
            return;
        }
        considered++;
        Instant offeredAt = lastOffered(item);
        if (offeredAt != null) {
            recentlyOffered++;
            notes.add(Exclusion.recentlyOffered(item, offeredAt, rules));
            return;
        }
        CategoryHistory category = customer.categories().get(item.style.category());
        Variant variant;
        String size = null;
        if (item.isOneSize()) {
            variant = item.oneSize;
        } else {
            size = style != null && style.lastSize() != null && !style.lastSize().isEmpty() ? style.lastSize()
                    : category == null ? null : category.size();
            if (size == null || size.isEmpty()) {
                unknownSize++;
                unknownSizeSkip = rules.skipsUnknownSize();
                notes.add(Exclusion.unknownSize(item, rules));
                return;
            }
            variant = item.variantIn(size);
        }
        if (variant == null || variant.stock() < rules.minStock()) {
            noSize++;
            notes.add(Exclusion.noSizeInStock(item, size, rules));
            return;
        }
        int score = c.baseScore() + categoryBonus(category == null ? 0 : category.purchases())
                + styleBonus(style == null ? 0 : style.purchases());
        OfferedItem dropped = selection.add(new OfferedItem(item.style, variant, c.source(), score));
        if (dropped != null) {
            StockedStyle out = dropped.style() == item.style ? item : stockedOf(dropped);
            notes.add(Exclusion.rankedOut(out, dropped.score(), rules));
        }
    }

    private StockedStyle stockedOf(OfferedItem item) {
        return rules.catalog().stocked(item.styleCode());
    }

    /** When the style was last offered inside the no-repeat window, or null. */
    private Instant lastOffered(StockedStyle item) {
        if (recent == null) {
            recent = recentOffers();
        }
        Instant latest = null;
        for (int i = 0; i < recent.length; i++) {
            if (recent[i] == item && (latest == null || recentAt[i].isAfter(latest))) {
                latest = recentAt[i];
            }
        }
        return latest;
    }

    /**
     * The customer's offers inside the window, resolved to the snapshot's styles once, so each
     * candidate is checked by identity rather than by comparing codes.
     */
    private StockedStyle[] recentOffers() {
        Instant cutoff = rules.repeatCutoff();
        List<OfferRecord> offers = customer.offers();
        if (cutoff == null || offers.isEmpty()) {
            return NONE;
        }
        StockedStyle[] styles = new StockedStyle[offers.size()];
        recentAt = new Instant[offers.size()];
        int n = 0;
        for (OfferRecord offer : offers) {
            StockedStyle style = offer.offeredAt().isAfter(cutoff) ? rules.catalog().stocked(offer.styleCode()) : null;
            if (style != null) {
                styles[n] = style;
                recentAt[n++] = offer.offeredAt();
            }
        }
        return n == styles.length ? styles : Arrays.copyOf(styles, n);
    }

    /**
     * With nothing (or too little) left: the cause that left out the most relevant items; on a tie
     * size beats unknown size beats repeats, as the most actionable for a marketer.
     */
    SkipReason tellingReason() {
        if (selection.size() > 0 || noSize + unknownSize + recentlyOffered == 0) {
            return SkipReason.NOT_ENOUGH_RELEVANT_ITEMS;
        }
        if (noSize >= unknownSize && noSize >= recentlyOffered) {
            return SkipReason.NO_SIZE_IN_STOCK;
        }
        return unknownSize >= recentlyOffered ? SkipReason.UNKNOWN_SIZE : SkipReason.RECENTLY_OFFERED;
    }
}
