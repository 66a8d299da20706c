package jp.koyomi.relevance;

import java.time.Instant;

/**
 * What the customer's orders say about one category.
 *
 * @param size          the size they wear in it (derived from orders), null when unknown
 * @param purchases     order lines in the category: the category affinity
 * @param lastPurchase  null when unknown
 */
public record CategoryHistory(String category, String size, int purchases, Instant lastPurchase) {

    public CategoryHistory {
        size = SizeLabel.normalise(size);
    }
}
