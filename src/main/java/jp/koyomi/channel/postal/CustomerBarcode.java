package jp.koyomi.channel.postal;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of Japan Post's customer barcode (カスタマバーコード): the 7-digit postal code followed by
 * the 住所表示番号 extracted from the street part of the address (address1 and address2 only, so
 * town names with numerals are never read as numbers), following the extraction rules of the
 * 郵便番号・バーコードマニュアル: numbers before 丁目・番地・号 and the like become digits, everything
 * else separates them with hyphens, a letter between numbers is a separator, a single letter
 * right after a number is dropped unless more follows, runs of two or more letters separate.
 */
public final class CustomerBarcode {

    /** Barcode positions after the postal code; a letter takes two (a control code and a digit). */
    static final int ADDRESS_POSITIONS = 13;
    private static final Map<Character, Integer> KANJI_DIGITS = Map.of('〇', 0, '一', 1, '二', 2, '三', 3, '四', 4, '五', 5,
            '六', 6, '七', 7, '八', 8, '九', 9);
    private static final Pattern KANJI_NUMBER = Pattern.compile("([〇一二三四五六七八九十百千]+)(丁目|丁|番地|番|号|地割|線|の|ノ)");
    private static final Pattern LONE_LETTER_AFTER_NUMBER = Pattern.compile("(\\d)[A-Z](?=[^A-Z0-9]|$)");
    private static final Pattern LETTER_BETWEEN_NUMBERS = Pattern.compile("(\\d)[A-Z](?=\\d)");

    private CustomerBarcode() {
    }

    /** "2630023" + "3-30-8-403" for 〒263-0023, 3丁目30-8, 郵便ビル403号. */
    public static String data(String postalCode, String address1, String address2) {
        String digits = postalCode.replaceAll("[^0-9]", "");
        return digits + addressNumber((address1 == null ? "" : address1) + " " + (address2 == null ? "" : address2));
    }

    static String addressNumber(String street) {
        String s = Normalizer.normalize(street, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
        s = s.replaceAll("[&/・.]", "");
        s = kanjiNumbers(s);
        s = LONE_LETTER_AFTER_NUMBER.matcher(s).replaceAll("$1");
        s = s.replaceAll("[^A-Z0-9]", "-");
        s = LETTER_BETWEEN_NUMBERS.matcher(s).replaceAll("$1-");
        s = s.replaceAll("[A-Z]{2,}", "-");
        s = s.replaceAll("-+", "-");
        s = s.replaceAll("-?([A-Z])-?", "$1");
        s = s.replaceAll("^-|-$", "");
        return fit(s);
    }

    /** 三丁目 → 3丁目, 二十三番 → 23番: only numbers that name a block, lot or house are converted. */
    private static String kanjiNumbers(String s) {
        Matcher m = KANJI_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, value(m.group(1)) + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int value(String kanji) {
        int total = 0;
        int pending = 0;
        for (char c : kanji.toCharArray()) {
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (unit > 0) {
                total += (pending == 0 ? 1 : pending) * unit;
                pending = 0;
            } else {
                pending = pending * 10 + KANJI_DIGITS.get(c);
            }
        }
        return total + pending;
    }

    /**
     * Cuts the number to the 13 barcode positions it may fill. A hyphen that lands on the last
     * position stays: the manual keeps it (064080429-1524-23-2- for 29丁目1524-23 第2郵便ハウス501).
     */
    private static String fit(String number) {
        int used = 0;
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            int width = Character.isLetter(c) ? 2 : 1;
            if (used + width > ADDRESS_POSITIONS) {
                break;
            }
            used += width;
            out.append(c);
        }
        return out.toString();
    }
}
