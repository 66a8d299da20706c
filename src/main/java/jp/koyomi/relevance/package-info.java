/**
 * Relevance: for one customer of a campaign run, what is worth sending right now (ranked items in
 * the customer's size and content blocks) or a skip with a {@link jp.koyomi.relevance.SkipReason};
 * plus the pure channel choice and frequency cap that follow it.
 *
 * <p>Work is split by how often it runs: a {@link jp.koyomi.relevance.CatalogSnapshot} once per run,
 * {@link jp.koyomi.relevance.CompiledRules#compile} once per run (every customer-independent filter
 * happens there), and {@link jp.koyomi.relevance.CompiledRules#decide} per customer, touching only
 * the precomputed candidates and the customer's own history. Everything here is immutable after
 * construction and safe to share between threads. Plain Java: no framework, no database.
 */
package jp.koyomi.relevance;
