package jp.koyomi.relevance;

import java.util.List;

import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;

/**
 * A campaign's content rules as marketers write them and campaigns store them (JSON, see
 * {@link RulesJson} and docs/relevance.md). Absent fields are null here and take the documented
 * defaults when compiled; {@link RulesValidator} says what is wrong, path by path.
 *
 * @param window   the campaign only sends inside these dates; null for always
 * @param audience who may get it at all; null for everyone
 * @param items    which items to offer; null for a content-only campaign
 * @param blocks   content blocks; null for none
 */
public record ContentRules(Window window, Audience audience, Items items, Blocks blocks) {

    /** Region names as the prefecture table spells them. */
    public static final List<String> REGIONS = List.of("Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki", "Chugoku",
            "Shikoku", "Kyushu-Okinawa");

    /**
     * Inclusive date window: both ends "YYYY-MM-DD" (once), or both "MM-DD" (every year, may run
     * across the new year, e.g. "12-01" to "02-28").
     */
    public record Window(String from, String to) {
    }

    /** Every non-empty list must match (climate zone AND region AND prefecture); exclusions always win. */
    public record Audience(List<ClimateZone> climateZones, List<String> regions, List<Integer> prefectures,
            List<Integer> excludePrefectures) {
    }

    /**
     * @param sources              the item rules switched on, each at most once
     * @param categories           only styles of these categories; empty for all
     * @param styles               only these style codes; empty for all
     * @param inSeason             only styles whose season tag fits the run date (default false)
     * @param climates             only styles with these climate tags; empty for all
     * @param matchCustomerClimate only styles whose climate tag suits the customer's zone (default false)
     * @param minStock             units needed in the customer's size (default 1; 0 turns the stock check off)
     * @param unknownSize          what to do when the customer's size in a category is unknown
     * @param notOfferedWithinDays leave out items offered to the customer within this many days (default 0: off)
     * @param minItems             fewer relevant items than this: skip (default 1)
     * @param maxItems             more than this: keep the best by score (default 4)
     */
    public record Items(List<Source> sources, List<String> categories, List<String> styles, Boolean inSeason,
            List<Climate> climates, Boolean matchCustomerClimate, Integer minStock, UnknownSize unknownSize,
            Integer notOfferedWithinDays, Integer minItems, Integer maxItems) {

        public static final int DEFAULT_MIN_STOCK = 1;
        public static final int DEFAULT_MIN_ITEMS = 1;
        public static final int DEFAULT_MAX_ITEMS = 4;
    }

    /**
     * One item rule. Only the fields of its type may be set.
     *
     * @param boughtScope       LAST_CHANCE: STYLE (default) offers the style to its buyers, CATEGORY to
     *                          anyone who bought in its category
     * @param overstockAbove    MARKDOWN: total stock must be above this (default 0)
     * @param arrivedWithinDays NEW_ARRIVALS: arrived this many days before the run at most (default 30)
     * @param topCategories     NEW_ARRIVALS: how many of the customer's top categories (default 3)
     */
    public record Source(ItemSource type, BoughtScope boughtScope, Integer overstockAbove, Integer arrivedWithinDays,
            Integer topCategories) {

        public static final int DEFAULT_ARRIVED_WITHIN_DAYS = 30;
        public static final int DEFAULT_TOP_CATEGORIES = 3;
    }

    public enum BoughtScope {
        STYLE, CATEGORY
    }

    /** For customers whose size in an item's category is unknown. */
    public enum UnknownSize {
        /** Offer them only one-size items in that category (the default). */
        ONE_SIZE_ONLY,
        /** Skip the customer (UNKNOWN_SIZE) rather than guess. */
        SKIP
    }

    public record Blocks(HowTo howTo, Points points, Topics topics) {
    }

    /**
     * How-to / care guides for what the customer bought recently.
     *
     * @param boughtWithinDays bought within this many days (required)
     * @param maxBlocks        at most this many guides (default 2); style guides before category guides
     */
    public record HowTo(Integer boughtWithinDays, Integer maxBlocks, List<Guide> guides) {

        public static final int DEFAULT_MAX_BLOCKS = 2;
    }

    /** A guide for exactly one of a category or a style. */
    public record Guide(String category, String style, String key, String title, String url) {
    }

    /**
     * The expiring-points block: shown when at least {@code minPoints} expire within
     * {@code expiringWithinDays} days of the run.
     *
     * @param required skip customers without it (NO_EXPIRING_POINTS); default false
     */
    public record Points(Integer minPoints, Integer expiringWithinDays, Boolean required, String key, String title,
            String url) {
    }

    /**
     * Topic blocks, each shown only to subscribers of its topic.
     *
     * @param required skip customers who get no topic block (NO_TOPIC_MATCH); default false
     */
    public record Topics(Boolean required, List<TopicBlock> blocks) {
    }

    public record TopicBlock(String topic, String key, String title, String url) {
    }
}
