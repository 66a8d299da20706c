/**
 * Retention: what Koyomi keeps and for how long. A scheduled, batched purge drops the rendered
 * bodies of finished deliveries and old offer history; the rows that counts, reports and the
 * frequency cap read stay. See docs/operations.md.
 */
package jp.koyomi.retention;
