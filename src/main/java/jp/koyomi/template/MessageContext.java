package jp.koyomi.template;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a template may show for one customer: plain values only. {@link MessageModel} turns
 * it into the names marketers write (docs/templates.md).
 */
public record MessageContext(Customer customer, List<Item> items, List<Block> blocks, String campaignName,
        LocalDate runDate, String unsubscribeUrl, Sender sender) {

    public MessageContext {
        items = items == null ? List.of() : List.copyOf(items);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public record Customer(String familyName, String givenName, String familyNameKana, String givenNameKana,
            String prefecture, int points, LocalDate pointsExpireOn) {
    }

    /** An item chosen by relevance, in the customer's size. Prices in yen; markdownPrice null when not marked down. */
    public record Item(String code, String name, String category, String size, String color, int price,
            Integer markdownPrice, String url, String imageUrl) {
    }

    /** A content block: a topic story, a care guide, the points reminder. */
    public record Block(String type, String title, String body, String url) {
    }

    public record Sender(String brand, String postalAddress, String contact) {
    }
}
