package jp.koyomi.relevance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What relevance decided for one customer: an offer (ranked items and content blocks) or a skip
 * with its reason, and why, line by line ({@link #explanation()}).
 */
public final class Decision {

    private final SkipReason skipReason;
    private final List<OfferedItem> items;
    private final List<ContentBlock> blocks;
    private final List<Note> notes;

    private Decision(SkipReason skipReason, List<OfferedItem> items, List<ContentBlock> blocks, List<Note> notes) {
        this.skipReason = skipReason;
        this.items = items;
        this.blocks = blocks;
        this.notes = notes;
    }

    /** Takes the lists as they are: callers in this package hand over lists nobody changes afterwards. */
    static Decision offer(List<OfferedItem> items, List<ContentBlock> blocks, List<Note> notes) {
        return new Decision(null, Collections.unmodifiableList(items), Collections.unmodifiableList(blocks), notes);
    }

    static Decision skip(SkipReason reason, List<Note> notes) {
        return new Decision(reason, List.of(), List.of(), notes);
    }

    /** A skip decided outside relevance (holdout, cap, channel), with the line that explains it. */
    public static Decision skip(SkipReason reason, String why) {
        return new Decision(reason, List.of(), List.of(), List.of(() -> why));
    }

    public boolean isOffer() {
        return skipReason == null;
    }

    /** Null for an offer. */
    public SkipReason skipReason() {
        return skipReason;
    }

    /** Best first; empty for a skip. */
    public List<OfferedItem> items() {
        return items;
    }

    public List<ContentBlock> blocks() {
        return blocks;
    }

    /**
     * Why, for people: the outcome first, then what was offered, then what was left out and why
     * ("jeans JN-204 left out: size M sold out; only XS, XXL in stock").
     */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        if (isOffer()) {
            lines.add("offer: " + items.size() + (items.size() == 1 ? " item, " : " items, ") + blocks.size()
                    + (blocks.size() == 1 ? " block" : " blocks"));
            for (OfferedItem i : items) {
                lines.add(i.style().category() + " " + i.styleCode() + " offered (" + describe(i.source()) + "): "
                        + size(i.variant()) + ", " + price(i) + ", score " + i.score());
            }
            for (ContentBlock b : blocks) {
                lines.add(describe(b));
            }
        } else {
            lines.add("skipped: " + skipReason);
        }
        for (Note n : notes) {
            String text = n.text();
            if (!lines.contains(text)) {
                lines.add(text);
            }
        }
        return lines;
    }

    private static String describe(ItemSource source) {
        return switch (source) {
            case LAST_CHANCE -> "last chance";
            case MARKDOWN -> "markdown";
            case NEW_ARRIVALS -> "new arrival";
        };
    }

    private static String size(Variant v) {
        return (v.isOneSize() ? "one size" : "size " + v.size()) + " " + v.sku() + " (" + v.stock() + " in stock)";
    }

    private static String price(OfferedItem i) {
        return i.isMarkedDown() ? yen(i.priceYen()) + " now " + yen(i.salePriceYen()) : yen(i.priceYen());
    }

    private static String yen(int amount) {
        return String.format("¥%,d", amount);
    }

    private static String describe(ContentBlock b) {
        return switch (b.type()) {
            case HOW_TO -> "how-to block " + b.key() + ": " + b.subject() + " bought recently";
            case TOPIC -> "topic block " + b.key() + ": subscribed to " + b.subject();
            case EXPIRING_POINTS -> "points block: " + String.format("%,d", b.points()) + " points expire on "
                    + b.expiresOn();
        };
    }
}
