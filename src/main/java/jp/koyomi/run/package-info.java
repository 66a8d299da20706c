/**
 * Executing campaign runs: the audience streamed in keyset batches, a decision per customer, the
 * outbox rows and the checkpoint written in one transaction per batch, and the run report.
 */
package jp.koyomi.run;
