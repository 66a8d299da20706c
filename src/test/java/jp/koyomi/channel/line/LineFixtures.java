package jp.koyomi.channel.line;

import java.util.List;
import java.util.UUID;

import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

final class LineFixtures {

    static final String USER = "U4af4980629a0b2c1d3e4f5a6b7c8d9e0";
    static final String TEXT = "{\"type\":\"text\",\"text\":\"青木 陽菜 様、Mサイズのジーンズが残りわずかです\"}";
    static final String FLEX = "{\"type\":\"flex\",\"altText\":\"冬のコート 30%オフ\",\"contents\":{\"type\":\"bubble\","
            + "\"body\":{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\",\"text\":\"ダウンコート\","
            + "\"weight\":\"bold\",\"wrap\":true},{\"type\":\"button\",\"action\":{\"type\":\"uri\",\"label\":\"見る\","
            + "\"uri\":\"https://koyomi.example.jp/click/AAAA.BBBB\"}}]}}}";

    private LineFixtures() {
    }

    static OutboundMessage push(long deliveryId, UUID retryKey, String... messagesJson) {
        return new OutboundMessage(deliveryId, retryKey, Channel.LINE, USER, "青木 陽菜",
                new RenderedMessage.Line(List.of(messagesJson)), null);
    }
}
