/**
 * Orders and their lines, and the purchase profile derived from them when they are imported:
 * the size each customer wears per category, category affinity and recency, styles bought.
 */
package jp.koyomi.order;
