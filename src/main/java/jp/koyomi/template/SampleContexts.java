package jp.koyomi.template;

import java.time.LocalDate;
import java.util.List;

/**
 * The customers every template version is rendered for before it is saved: a full one with items
 * and blocks, and a sparse one (no given name, no items, no points, no prefecture) so templates
 * must cope with what real data lacks.
 */
public final class SampleContexts {

    private static final MessageContext.Sender SENDER = new MessageContext.Sender("こよみアパレル",
            "〒150-0001 東京都渋谷区神宮前1丁目2-3", "support@koyomi-apparel.example");

    private SampleContexts() {
    }

    public static List<MessageContext> all() {
        return List.of(full(), sparse());
    }

    public static MessageContext full() {
        return new MessageContext(
                new MessageContext.Customer("青木", "陽菜", "アオキ", "ヒナ", "北海道", 1200, LocalDate.of(2026, 12, 20)),
                List.of(new MessageContext.Item("CT-101", "ダウンコート", "coats", "M", "ネイビー", 39900, 27900,
                        "https://shop.koyomi-apparel.example/p/ct-101",
                        "https://shop.koyomi-apparel.example/img/ct-101.jpg"),
                        new MessageContext.Item("KN-103", "カシミヤタートルネック", "knitwear", "M", "ベージュ", 12900, null,
                                "https://shop.koyomi-apparel.example/p/kn-103", null)),
                List.of(new MessageContext.Block("TOPIC", "冬のお手入れ", "ウールは着たあとブラッシングを。",
                        "https://shop.koyomi-apparel.example/guide/wool")),
                "サンプル", LocalDate.of(2026, 11, 24), "https://koyomi.example/unsubscribe/sample", SENDER);
    }

    public static MessageContext sparse() {
        return new MessageContext(new MessageContext.Customer("森", null, null, null, null, 0, null), List.of(), List.of(),
                "サンプル", LocalDate.of(2026, 11, 24), "https://koyomi.example/unsubscribe/sample", SENDER);
    }
}
