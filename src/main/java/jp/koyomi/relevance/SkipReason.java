package jp.koyomi.relevance;

/**
 * Why a customer gets nothing from a run. Stored with every skipped delivery and counted in the run
 * report, so the names are part of the product: marketers read them (see docs/relevance.md).
 */
public enum SkipReason {
    /** The run date is outside the campaign's date window. */
    OUT_OF_WINDOW,
    /** The customer's climate zone, region or prefecture is not targeted. */
    NOT_IN_AUDIENCE,
    /** The campaign needs a topic block and the customer subscribes to none of its topics. */
    NO_TOPIC_MATCH,
    /** The campaign needs the points block and the customer has no points expiring soon enough. */
    NO_EXPIRING_POINTS,
    /** The customer's size in the item's category is unknown and the item is not one-size. */
    UNKNOWN_SIZE,
    /** The relevant items are sold out (or below the stock threshold) in the customer's size. */
    NO_SIZE_IN_STOCK,
    /** The relevant items were all offered to this customer too recently. */
    RECENTLY_OFFERED,
    /** Fewer relevant items than the campaign's minimum. */
    NOT_ENOUGH_RELEVANT_ITEMS,
    /** A content-only campaign with no block that applies to this customer. */
    NO_RELEVANT_CONTENT,
    /** No channel the campaign uses is both consented to and reachable. */
    NO_CONSENTED_CHANNEL,
    /** The customer already got (or has pending) as many marketing messages as the cap allows. */
    CAPPED,
    /** The customer is in the campaign's holdout group, kept back to measure the campaign. */
    HOLDOUT
}
