package jp.koyomi.relevance;

/**
 * An item in a decision: the style, the variant in the customer's size that stands for it (the
 * colour with the most stock), why it is there and its rank score (docs/relevance.md, "Score").
 */
public record OfferedItem(Style style, Variant variant, ItemSource source, int score) {

    public String styleCode() {
        return style.code();
    }

    public int priceYen() {
        return style.priceYen();
    }

    /** The markdown price when marked down, else the regular price. */
    public int salePriceYen() {
        return style.salePriceYen();
    }

    public boolean isMarkedDown() {
        return style.isMarkedDown();
    }
}
