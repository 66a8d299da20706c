package jp.koyomi.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessageModelTest {

    @Test
    void shouldGroupWholeNumbersExactlyAsJapaneseNumberFormatDoes() {
        NumberFormat japanese = NumberFormat.getIntegerInstance(Locale.JAPAN);
        List<Number> numbers = List.of(0, 7, 99, 100, 999, 1000, 9900, 11900, 123456, 1234567, -1, -999, -1000, -1234567,
                Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, (short) -32768, (byte) 127);
        for (Number n : numbers) {
            assertEquals(japanese.format(n), MessageModel.grouped(n), "for " + n);
        }
    }

    @Test
    void shouldRoundOtherNumbersAsJapaneseNumberFormatDoes() {
        NumberFormat japanese = NumberFormat.getIntegerInstance(Locale.JAPAN);
        for (Number n : List.<Number>of(new BigDecimal("1234.5"), new BigDecimal("1235.5"), 9900.4, -0.6, 1e20)) {
            assertEquals(japanese.format(n), MessageModel.grouped(n), "for " + n);
        }
    }
}
