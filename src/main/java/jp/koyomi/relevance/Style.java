package jp.koyomi.relevance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;

/**
 * A product style as a run sees it.
 *
 * @param discontinueOn    last selling day of a DISCONTINUING style; null when not planned
 * @param markdownPriceYen reduced price, null when not marked down
 * @param arrivedAt        when the style was first imported: "new arrival" counts from here
 */
public record Style(String code, String name, String category, Season season, Climate climate, Lifecycle lifecycle,
        LocalDate discontinueOn, int priceYen, Integer markdownPriceYen, String url, String imageUrl,
        Instant arrivedAt, List<Variant> variants) {

    public Style {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        season = season == null ? Season.ALL : season;
        climate = climate == null ? Climate.ALL : climate;
        lifecycle = lifecycle == null ? Lifecycle.ACTIVE : lifecycle;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** True when a markdown price below the regular price is set. */
    public boolean isMarkedDown() {
        return markdownPriceYen != null && markdownPriceYen < priceYen;
    }

    /** The price the customer pays now. */
    public int salePriceYen() {
        return isMarkedDown() ? markdownPriceYen : priceYen;
    }

    /** Whole percent off the regular price, 0 when not marked down. */
    public int percentOff() {
        return isMarkedDown() && priceYen > 0 ? (priceYen - markdownPriceYen) * 100 / priceYen : 0;
    }

    /** Still for sale on that date: not DISCONTINUED, and a DISCONTINUING style not past its last day. */
    public boolean isSellableOn(LocalDate date) {
        return lifecycle == Lifecycle.ACTIVE
                || lifecycle == Lifecycle.DISCONTINUING && (discontinueOn == null || !discontinueOn.isBefore(date));
    }
}
