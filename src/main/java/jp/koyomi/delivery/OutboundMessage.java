package jp.koyomi.delivery;

import java.net.URI;
import java.util.UUID;

import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * A delivery ready to go out.
 *
 * @param deliveryId     the outbox row
 * @param retryKey       stored on the delivery before its first attempt and reused on every retry
 * @param recipient      email address or LINE user id
 * @param recipientName  display name ("青木 陽菜"), for the To header
 * @param unsubscribeUrl signed one-click unsubscribe link of this customer and channel
 */
public record OutboundMessage(long deliveryId, UUID retryKey, Channel channel, String recipient,
        String recipientName, RenderedMessage content, URI unsubscribeUrl) {
}
