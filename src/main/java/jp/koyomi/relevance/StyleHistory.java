package jp.koyomi.relevance;

import java.time.Instant;

/**
 * What the customer bought of one style.
 *
 * @param lastSize  the size of their latest purchase of it; for this style it beats the category size
 */
public record StyleHistory(String styleCode, int purchases, Instant lastPurchase, String lastSize) {

    public StyleHistory {
        lastSize = SizeLabel.normalise(lastSize);
    }
}
