package jp.koyomi.relevance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as one run sees it: built once from the database, then shared read-only by every
 * thread deciding for that run's customers. Stock changing during the run is deliberately not seen:
 * one run, one picture of the shelves.
 */
public final class CatalogSnapshot {

    // A HashMap, never exposed: most look-ups miss (a customer's styles are rarely candidates), and
    // HashMap rejects a miss on the cached hash where Map.copyOf's table compares the strings.
    private final Map<String, StockedStyle> byCode;
    private final int variantCount;

    private CatalogSnapshot(Map<String, StockedStyle> byCode, int variantCount) {
        this.byCode = byCode;
        this.variantCount = variantCount;
    }

    /**
     * @throws IllegalArgumentException when two styles share a code
     */
    public static CatalogSnapshot of(Collection<Style> styles) {
        Map<String, StockedStyle> byCode = new HashMap<>(styles.size() * 2);
        int variants = 0;
        for (Style style : styles) {
            if (byCode.put(style.code(), new StockedStyle(style)) != null) {
                throw new IllegalArgumentException("style " + style.code() + " appears twice in the catalog");
            }
            variants += style.variants().size();
        }
        return new CatalogSnapshot(byCode, variants);
    }

    public Optional<Style> style(String code) {
        StockedStyle s = byCode.get(code);
        return s == null ? Optional.empty() : Optional.of(s.style);
    }

    public int styleCount() {
        return byCode.size();
    }

    public int variantCount() {
        return variantCount;
    }

    Collection<StockedStyle> stockedStyles() {
        return byCode.values();
    }

    StockedStyle stocked(String code) {
        return byCode.get(code);
    }
}
