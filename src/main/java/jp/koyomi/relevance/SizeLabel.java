package jp.koyomi.relevance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Size labels as the catalog and the orders write them. Labels are compared after trimming and
 * upper-casing ("m " is "M"); a blank label or a "free size" marker means one-size.
 */
public final class SizeLabel {

    /** The label one-size variants carry once normalised. */
    public static final String ONE_SIZE = "";

    private static final Set<String> ONE_SIZE_MARKERS = Set.of("F", "FREE", "FREE SIZE", "FREESIZE", "ONE SIZE",
            "ONESIZE", "OS", "フリー", "フリーサイズ");

    private static final List<String> LETTER_ORDER = List.of("XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL",
            "3L", "XXXL", "4L", "5L");

    /** Orders letter sizes from small to large, then numbers by value, then anything else by name. */
    static final Comparator<String> SMALL_TO_LARGE = Comparator.comparingInt(SizeLabel::rank)
            .thenComparingDouble(SizeLabel::number).thenComparing(Comparator.naturalOrder());

    private SizeLabel() {
    }

    /** The comparable form of a label: trimmed, upper case, one-size markers as {@link #ONE_SIZE}; null stays null. */
    public static String normalise(String label) {
        if (label == null) {
            return null;
        }
        String s = label.strip().toUpperCase(Locale.ROOT);
        return ONE_SIZE_MARKERS.contains(s) ? ONE_SIZE : s;
    }

    public static boolean isOneSize(String normalised) {
        return normalised != null && normalised.isEmpty();
    }

    private static int rank(String size) {
        int letter = LETTER_ORDER.indexOf(size);
        if (letter >= 0) {
            return letter;
        }
        return Double.isNaN(number(size)) ? LETTER_ORDER.size() + 1 : LETTER_ORDER.size();
    }

    private static double number(String size) {
        try {
            return Double.parseDouble(size);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
