package jp.koyomi.relevance;

import java.util.ArrayList;
import java.util.List;

/**
 * A style with its stock indexed by size, built once per snapshot so a per-customer size check is a
 * scan of a handful of labels instead of the variant list. Per size the variant with the most stock
 * stands for it (the colour most likely to still be there when the customer clicks).
 */
final class StockedStyle {

    final Style style;
    final int totalStock;
    /** Best one-size variant; when present the style fits everyone and sizes are ignored. */
    final Variant oneSize;
    private final String[] sizes;
    private final Variant[] best;

    StockedStyle(Style style) {
        this.style = style;
        List<String> labels = new ArrayList<>();
        List<Variant> bestOf = new ArrayList<>();
        Variant one = null;
        int total = 0;
        for (Variant v : style.variants()) {
            total += Math.max(0, v.stock());
            if (v.isOneSize()) {
                one = better(one, v);
                continue;
            }
            int at = labels.indexOf(v.size());
            if (at < 0) {
                labels.add(v.size());
                bestOf.add(v);
            } else {
                bestOf.set(at, better(bestOf.get(at), v));
            }
        }
        this.totalStock = total;
        this.oneSize = one;
        this.sizes = labels.toArray(String[]::new);
        this.best = bestOf.toArray(Variant[]::new);
    }

    private static Variant better(Variant current, Variant candidate) {
        if (current == null || candidate.stock() > current.stock()
                || candidate.stock() == current.stock() && candidate.sku().compareTo(current.sku()) < 0) {
            return candidate;
        }
        return current;
    }

    boolean isOneSize() {
        return oneSize != null;
    }

    /** The variant that stands for a (normalised) size, or null when the style has no such size. */
    Variant variantIn(String size) {
        if (oneSize != null) {
            return oneSize;
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i].equals(size)) {
                return best[i];
            }
        }
        return null;
    }

    /** Sizes with at least {@code minStock} units (at least one), small to large. */
    List<String> sizesWithStock(int minStock) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (best[i].stock() >= Math.max(1, minStock)) {
                in.add(sizes[i]);
            }
        }
        in.sort(SizeLabel.SMALL_TO_LARGE);
        return in;
    }

    String code() {
        return style.code();
    }

    String label() {
        return style.category() + " " + style.code();
    }
}
