package jp.koyomi.relevance;

/** Where an offered item comes from; each is a rule a campaign can switch on (docs/relevance.md). */
public enum ItemSource {
    /** DISCONTINUING styles, to customers who bought the style (or its category). */
    LAST_CHANCE,
    /** Marked-down styles with more stock than a level: overstock worth clearing. */
    MARKDOWN,
    /** Styles that arrived recently, in the customer's top categories by purchases. */
    NEW_ARRIVALS
}
