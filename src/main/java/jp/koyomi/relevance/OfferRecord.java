package jp.koyomi.relevance;

import java.time.Instant;

import jp.koyomi.domain.Channel;

/** One item offered to the customer before, from the offer history. */
public record OfferRecord(String styleCode, long campaignId, Channel channel, Instant offeredAt) {
}
