/**
 * The delivery outbox: one row per (run, customer, channel), claimed by senders in leased batches
 * ({@code FOR UPDATE SKIP LOCKED}), sent through a channel's {@link jp.koyomi.delivery.Messenger},
 * and retried with backoff until sent or given up. The table is the queue; any number of
 * instances drain it.
 */
package jp.koyomi.delivery;
