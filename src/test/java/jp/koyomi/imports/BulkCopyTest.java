package jp.koyomi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BulkCopyTest {

    private static String copied(Object value) {
        StringBuilder text = new StringBuilder();
        BulkCopy.appendValue(text, value);
        return text.toString();
    }

    @Test
    void shouldEscapeBackslashTabAndLineEndsWhereverTheyAre() {
        assertEquals("{\"html\":\"<p>青木様</p>\"}", copied("{\"html\":\"<p>青木様</p>\"}"));
        assertEquals("\\\\a\\tb\\nc\\r", copied("\\a\tb\nc\r"));
        assertEquals("本文\\n\\n配信停止\\\\", copied("本文\n\n配信停止\\"));
        assertEquals("\\N", copied(null));
        assertEquals("42", copied(42L));
    }
}
