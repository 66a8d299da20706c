package jp.koyomi.relevance;

import java.time.Instant;
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
    private int maxBonus = -1;
    private int scoredTooLow;

    Evaluation(CompiledRules rules, CustomerProfile customer, List<Note> notes) {
        this.rules = rules;
        this.customer = customer;
        this.notes = notes;
        this.selection = new Selection(rules.maxItems());
    }

    /** A last-chance style the customer bought (or bought in the category of). */
    void considerLastChance(Candidate c) {
        if (rules.matchClimate() && !c.item().style.climate().suits(customer.climateZone())) {
            notes.add(Exclusion.climate(c.item(), customer.climateZone(), rules));
            return;
        }
        consider(c);
    }

    /** A list sorted best first: stops once no later candidate could enter the ranking. */
    void considerAll(Candidate[] sorted) {
        if (sorted == null) {
            return;
        }
        int bonus = maxBonus();
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
        considerAll(index.oneSize);
        int visited = 0;
        for (CategoryHistory category : customer.categories().values()) {
            Candidate[] sized = index.sizedByCategory.get(category.category());
            if (sized != null && knowsSize(category)) {
                visited += sized.length;
                considerAll(sized);
            }
        }
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

    /** The most this customer's history can add to any candidate's base score. */
    private int maxBonus() {
        if (maxBonus < 0) {
            int categoryPurchases = 0;
            for (CategoryHistory c : customer.categories().values()) {
                categoryPurchases = Math.max(categoryPurchases, c.purchases());
            }
            int stylePurchases = 0;
            for (StyleHistory s : customer.styles().values()) {
                stylePurchases = Math.max(stylePurchases, s.purchases());
            }
            maxBonus = CompiledRules.PER_CATEGORY_PURCHASE * Math.min(categoryPurchases, CompiledRules.MAX_CATEGORY_PURCHASES)
                    + CompiledRules.PER_STYLE_PURCHASE * Math.min(stylePurchases, CompiledRules.MAX_STYLE_PURCHASES);
        }
        return maxBonus;
    }

    private void consider(Candidate c) {
        considered++;
        StockedStyle item = c.item();
        Instant offeredAt = lastOffered(item.code());
        if (offeredAt != null) {
            recentlyOffered++;
            notes.add(Exclusion.recentlyOffered(item, offeredAt, rules));
            return;
        }
        StyleHistory style = customer.styles().get(item.code());
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
        int score = c.baseScore()
                + CompiledRules.PER_CATEGORY_PURCHASE
                        * Math.min(category == null ? 0 : category.purchases(), CompiledRules.MAX_CATEGORY_PURCHASES)
                + CompiledRules.PER_STYLE_PURCHASE
                        * Math.min(style == null ? 0 : style.purchases(), CompiledRules.MAX_STYLE_PURCHASES);
        OfferedItem dropped = selection.add(new OfferedItem(item.style, variant, c.source(), score));
        if (dropped != null) {
            StockedStyle out = dropped.style().code().equals(item.code()) ? item : stockedOf(dropped);
            notes.add(Exclusion.rankedOut(out, dropped.score(), rules));
        }
    }

    private StockedStyle stockedOf(OfferedItem item) {
        return rules.catalog().stocked(item.styleCode());
    }

    private Instant lastOffered(String styleCode) {
        Instant cutoff = rules.repeatCutoff();
        if (cutoff == null) {
            return null;
        }
        Instant latest = null;
        for (OfferRecord offer : customer.offers()) {
            if (offer.offeredAt().isAfter(cutoff) && offer.styleCode().equals(styleCode)
                    && (latest == null || offer.offeredAt().isAfter(latest))) {
                latest = offer.offeredAt();
            }
        }
        return latest;
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
