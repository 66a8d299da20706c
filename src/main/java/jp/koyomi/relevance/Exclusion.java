package jp.koyomi.relevance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.koyomi.domain.ClimateZone;

/** An item left out for one customer, kept as data and worded only when explained. */
final class Exclusion implements Note {

    enum Cause {
        RECENTLY_OFFERED, NO_SIZE_IN_STOCK, UNKNOWN_SIZE, CLIMATE, RANKED_OUT
    }

    private final StockedStyle item;
    private final Cause cause;
    private final String size;
    private final Instant offeredAt;
    private final int number;
    private final CompiledRules rules;
    private final ClimateZone zone;

    private Exclusion(StockedStyle item, Cause cause, String size, Instant offeredAt, int number, CompiledRules rules,
            ClimateZone zone) {
        this.item = item;
        this.cause = cause;
        this.size = size;
        this.offeredAt = offeredAt;
        this.number = number;
        this.rules = rules;
        this.zone = zone;
    }

    static Exclusion recentlyOffered(StockedStyle item, Instant offeredAt, CompiledRules rules) {
        return new Exclusion(item, Cause.RECENTLY_OFFERED, null, offeredAt, 0, rules, null);
    }

    static Exclusion noSizeInStock(StockedStyle item, String size, CompiledRules rules) {
        return new Exclusion(item, Cause.NO_SIZE_IN_STOCK, size, null, 0, rules, null);
    }

    static Exclusion unknownSize(StockedStyle item, CompiledRules rules) {
        return new Exclusion(item, Cause.UNKNOWN_SIZE, null, null, 0, rules, null);
    }

    static Exclusion climate(StockedStyle item, ClimateZone zone, CompiledRules rules) {
        return new Exclusion(item, Cause.CLIMATE, null, null, 0, rules, zone);
    }

    static Exclusion rankedOut(StockedStyle item, int score, CompiledRules rules) {
        return new Exclusion(item, Cause.RANKED_OUT, null, null, score, rules, null);
    }

    Cause cause() {
        return cause;
    }

    @Override
    public String text() {
        return item.label() + " left out: " + why();
    }

    private String why() {
        int minStock = rules.minStock();
        return switch (cause) {
            case RECENTLY_OFFERED -> "offered " + Duration.between(offeredAt, rules.run().runAt()).toDays()
                    + " days ago (no repeats within " + rules.repeatDays() + " days)";
            case UNKNOWN_SIZE -> "size in " + item.style.category() + " unknown and the style is not one-size";
            case CLIMATE -> "made for " + item.style.climate() + " climates, customer is in a " + zone + " zone";
            case RANKED_OUT -> "score " + number + ", below the " + rules.maxItems() + " best items";
            case NO_SIZE_IN_STOCK -> item.isOneSize() ? sizeProblem(minStock)
                    : sizeProblem(minStock) + "; " + inStock(item.sizesWithStock(minStock));
        };
    }

    private String sizeProblem(int minStock) {
        if (item.isOneSize()) {
            return item.oneSize.stock() <= 0 ? "sold out" : "only " + item.oneSize.stock() + " left (needs " + minStock + ")";
        }
        Variant v = item.variantIn(size);
        if (v == null) {
            return "not made in size " + size;
        }
        return v.stock() <= 0 ? "size " + size + " sold out"
                : "size " + size + " has only " + v.stock() + " left (needs " + minStock + ")";
    }

    private static String inStock(List<String> sizes) {
        return sizes.isEmpty() ? "nothing in stock" : "only " + String.join(", ", sizes) + " in stock";
    }
}
