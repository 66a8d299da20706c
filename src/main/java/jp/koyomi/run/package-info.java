/**
 * Executing campaign runs: the audience split into slices that threads of any instance claim, each
 * streamed in keyset batches, a decision per customer, the outbox rows and the slice's checkpoint
 * written in one fenced transaction per batch, and the run report.
 */
package jp.koyomi.run;
