package jp.koyomi.link;

import java.time.Instant;

import jp.koyomi.domain.Channel;

/**
 * What a verified unsubscribe link says: this customer no longer wants this channel.
 *
 * @param issuedAt when the link was made (whole seconds), for the consent record; links do not expire,
 *                 because the law wants an unsubscribe link in an old email to keep working
 */
public record UnsubscribeToken(long customerId, Channel channel, Instant issuedAt) {
}
