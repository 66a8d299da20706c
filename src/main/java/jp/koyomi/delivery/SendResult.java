package jp.koyomi.delivery;

import java.time.Duration;

/** How one send attempt ended, as the outbox needs to know it. */
public sealed interface SendResult {

    /** Accepted by the channel (including "already accepted" for a repeated retry key). */
    record Sent(String providerId) implements SendResult {
    }

    /** A passing failure: try again later with the same retry key. */
    record Retry(String reason, Duration notBefore) implements SendResult {
    }

    /** A permanent failure of this message: do not retry. */
    record Failed(String reason) implements SendResult {
    }

    /** The whole channel must stop (e.g. LINE's monthly quota is used up); this message is retried later. */
    record ChannelPaused(String reason) implements SendResult {
    }
}
