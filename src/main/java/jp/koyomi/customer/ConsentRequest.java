package jp.koyomi.customer;

import java.time.OffsetDateTime;

/**
 * A consent change the customer gave the brand outside Koyomi (a web form, a call, a shop
 * counter), e.g. {@code {"channel": "EMAIL", "granted": true, "source": "web-form",
 * "at": "2026-11-26T10:15:00+09:00"}}.
 *
 * @param source where the customer gave their word, lower-case letters, digits, '.', '_' and '-'
 * @param at     when they gave it; now when absent, never in the future
 */
public record ConsentRequest(String channel, Boolean granted, String source, OffsetDateTime at) {
}
