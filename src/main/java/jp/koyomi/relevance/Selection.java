package jp.koyomi.relevance;

import java.util.Arrays;
import java.util.List;

/**
 * The best items so far, at most {@code capacity}, best first. Ranking: higher score, then more
 * stock in the customer's size (less likely to sell out before the click), then style code, so
 * equal scores always rank the same way.
 */
final class Selection {

    private final OfferedItem[] items;
    private int size;

    Selection(int capacity) {
        items = new OfferedItem[capacity];
    }

    boolean isFull() {
        return size == items.length;
    }

    int lowestScore() {
        return items[size - 1].score();
    }

    /**
     * Adds the item if it ranks among the best; a style met again from another rule keeps its better
     * score. Returns the item that dropped out of the ranking (the new one or an earlier one), or
     * null when none did.
     */
    OfferedItem add(OfferedItem item) {
        for (int i = 0; i < size; i++) {
            // Same snapshot, same Style instance: identity is enough and cheaper than the code.
            if (items[i].style() == item.style()) {
                if (compare(item, items[i]) < 0) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    size--;
                    insert(item);
                }
                return null;
            }
        }
        if (size < items.length) {
            insert(item);
            return null;
        }
        OfferedItem last = items[size - 1];
        if (compare(item, last) >= 0) {
            return item;
        }
        size--;
        insert(item);
        return last;
    }

    List<OfferedItem> items() {
        return Arrays.asList(Arrays.copyOf(items, size));
    }

    int size() {
        return size;
    }

    private void insert(OfferedItem item) {
        int at = size;
        while (at > 0 && compare(item, items[at - 1]) < 0) {
            items[at] = items[at - 1];
            at--;
        }
        items[at] = item;
        size++;
    }

    /** Negative when a ranks before b. */
    static int compare(OfferedItem a, OfferedItem b) {
        if (a.score() != b.score()) {
            return Integer.compare(b.score(), a.score());
        }
        if (a.variant().stock() != b.variant().stock()) {
            return Integer.compare(b.variant().stock(), a.variant().stock());
        }
        return a.styleCode().compareTo(b.styleCode());
    }
}
