package jp.koyomi.relevance;

/**
 * One line of a decision's explanation, written only when someone asks: a run decides for a million
 * customers and explains to the few a marketer looks at.
 */
@FunctionalInterface
interface Note {

    String text();
}
