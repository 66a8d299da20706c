package jp.koyomi.delivery;

import java.net.URI;

import jp.koyomi.domain.Channel;

/** Makes the signed one-click unsubscribe link of a customer and channel. */
public interface UnsubscribeLinks {

    URI unsubscribe(long customerId, Channel channel);
}
