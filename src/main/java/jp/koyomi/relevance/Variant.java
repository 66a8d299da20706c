package jp.koyomi.relevance;

import java.util.Objects;

/**
 * One sellable variant of a style.
 *
 * @param size   as the catalog writes it; null, blank or a "free size" marker for one-size variants.
 *               Kept normalised (see {@link SizeLabel}) so lookups compare cheaply.
 * @param stock  units on hand at snapshot time
 */
public record Variant(String sku, String size, String colour, int stock) {

    public Variant {
        Objects.requireNonNull(sku, "sku");
        size = size == null ? SizeLabel.ONE_SIZE : SizeLabel.normalise(size);
    }

    public boolean isOneSize() {
        return SizeLabel.isOneSize(size);
    }
}
