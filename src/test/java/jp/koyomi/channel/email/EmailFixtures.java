package jp.koyomi.channel.email;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/** A brand, a customer and a rendered winter-coat email, as the tests of this package use them. */
final class EmailFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-20T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final URI UNSUBSCRIBE = URI.create("https://koyomi.example.jp/unsubscribe/AAAA.BBBB");
    static final SenderSettings SENDER = new SenderSettings("news@shop.example.jp", "暦ストア", "株式会社暦 & Co.",
            "〒060-0001 北海道札幌市中央区北1条西1丁目1-1", "support@shop.example.jp / 0120-000-000",
            "unsubscribe@shop.example.jp");

    private EmailFixtures() {
    }

    static EmailMessageBuilder builder() {
        return new EmailMessageBuilder(SENDER, CLOCK);
    }

    static OutboundMessage email(long deliveryId, String recipient, String subject, String html, String text) {
        return new OutboundMessage(deliveryId, UUID.nameUUIDFromBytes(Long.toString(deliveryId).getBytes()), Channel.EMAIL,
                recipient, "青木 陽菜", new RenderedMessage.Email(subject, html, text), UNSUBSCRIBE);
    }

    static OutboundMessage coatEmail(long deliveryId, String recipient) {
        return email(deliveryId, recipient, "【冬物最終セール】北海道の冬に本気のコートを、いまだけ30%オフでお届けします",
                "<html><body><h1>青木 陽菜 様</h1><p>ダウンコート ¥29,900 → ¥20,930</p></body></html>",
                "青木 陽菜 様\nダウンコート ¥29,900 → ¥20,930\n");
    }
}
