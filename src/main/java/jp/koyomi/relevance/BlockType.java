package jp.koyomi.relevance;

/** Kinds of content block a letter can carry besides items. */
public enum BlockType {
    /** How to use or care for something the customer bought recently. */
    HOW_TO,
    /** Loyalty points about to expire. */
    EXPIRING_POINTS,
    /** A story or news for a newsletter topic the customer subscribed to. */
    TOPIC
}
