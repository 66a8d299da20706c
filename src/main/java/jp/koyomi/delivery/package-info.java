/**
 * The delivery outbox as a guarded queue: one row per (run, customer, channel), claimed by
 * senders in leased, token-fenced batches ({@code FOR UPDATE SKIP LOCKED}), checked by the
 * {@link jp.koyomi.delivery.SendGate} right before each send (consent, address, expiry, offered
 * stock, quiet hours), sent through the channel's {@link jp.koyomi.delivery.Messenger} and
 * retried with backoff until sent or expired. Channel packages provide their messengers as CDI
 * beans; this package names no channel implementation. The table is the queue; any number of
 * instances drain it. States and guarantees: docs/operations.md, "The delivery outbox".
 */
package jp.koyomi.delivery;
