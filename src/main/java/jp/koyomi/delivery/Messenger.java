package jp.koyomi.delivery;

import jp.koyomi.domain.Channel;

/**
 * One channel's way of pushing one message out. Implementations must be safe to call again
 * with the same {@link OutboundMessage#retryKey()}: the outbox retries after crashes and errors.
 */
public interface Messenger {

    Channel channel();

    SendResult send(OutboundMessage message);

    /**
     * How many sends this messenger can have under way at once (SMTP connections, LINE requests in
     * flight): the outbox runs that many workers for the channel, each sending its own batch.
     */
    default int parallelSends() {
        return 1;
    }
}
