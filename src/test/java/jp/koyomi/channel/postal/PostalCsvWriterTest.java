package jp.koyomi.channel.postal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostalCsvWriterTest {

    private static PostalRecipient person(long id, String postalCode, String family, Map<String, String> fields) {
        return new PostalRecipient(id, "C-" + id, postalCode, "千葉県", "千葉市稲毛区緑町", "3丁目30-8", "郵便ビル403号", null,
                family, "陽菜", fields);
    }

    private static String write(boolean utf8, PostalRecipient... recipients) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PostalCsvWriter w = new PostalCsvWriter(bytes, utf8, List.of("greeting"))) {
            for (PostalRecipient r : recipients) {
                w.write(r);
            }
        }
        return new String(bytes.toByteArray(), utf8 ? StandardCharsets.UTF_8 : PostalCsvWriter.WINDOWS_31J);
    }

    @Test
    void writesWindows31jWithCrlfAHeaderAndTheBarcode() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PostalCsvWriter w = new PostalCsvWriter(bytes, false, List.of("greeting"))) {
            w.write(person(1, "2630023", "青木", Map.of("greeting", "いつもありがとうございます")));
        }
        String expected = "postal_code,address,building,company,name,barcode,greeting\r\n"
                + "263-0023,千葉県千葉市稲毛区緑町3丁目30-8,郵便ビル403号,,青木 陽菜 様,26300233-30-8-403,いつもありがとうございます\r\n";
        assertArrayEquals(expected.getBytes(PostalCsvWriter.WINDOWS_31J), bytes.toByteArray());
        assertTrue(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).contains("\u0090\u00C2"),
                "青 is written as the two bytes 0x90 0xC2 of windows-31j");
    }

    @Test
    void organisationsAreAddressedOnchu() throws Exception {
        PostalRecipient company = new PostalRecipient(2, "C-2", "1000001", "東京都", "千代田区千代田", "1-1", null,
                "株式会社こよみ", null, null, Map.of());
        assertTrue(write(false, company).contains(",株式会社こよみ,御中,"));
    }

    @Test
    void formulaCellsAreNeutralisedAndQuotesEscaped() throws Exception {
        String csv = write(false, person(3, "2630023", "青木", Map.of("greeting", "=HYPERLINK(\"http://x\")")));
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"), csv);
        assertEquals("'+81", PostalCsvWriter.neutralised("+81"));
        assertEquals("'@SUM", PostalCsvWriter.neutralised("@SUM"));
        assertEquals("'-1", PostalCsvWriter.neutralised("-1"));
    }

    @Test
    void aCharacterWindows31jCannotHoldHoldsTheRowBackWithTheReason() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PostalCsvWriter w = new PostalCsvWriter(bytes, false, List.of("greeting"));
        w.write(person(4, "2630023", "𠮷田", Map.of("greeting", "x")));
        w.write(person(5, "2630024", "吉田", Map.of("greeting", "x")));
        w.close();
        assertEquals(1, w.written());
        PostalCsvWriter.HeldBack held = w.heldBack().get(0);
        assertEquals("C-4", held.externalId());
        assertEquals("name", held.field());
        assertEquals("𠮷", held.character());
        assertTrue(held.reason().contains("U+20BB7"), held.reason());
        String csv = new String(bytes.toByteArray(), PostalCsvWriter.WINDOWS_31J);
        assertTrue(!csv.contains("?") && csv.contains("吉田 陽菜 様"), csv);
    }

    @Test
    void utf8WithBomHoldsEverything() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PostalCsvWriter w = new PostalCsvWriter(bytes, true, List.of())) {
            w.write(person(6, "2630023", "𠮷田", Map.of()));
            assertEquals(1, w.written());
        }
        byte[] b = bytes.toByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, new byte[] { b[0], b[1], b[2] });
    }

    @Test
    void recipientsOutOfPostalCodeOrderAreRefused() {
        PostalCsvWriter w = new PostalCsvWriter(new ByteArrayOutputStream(), false, List.of());
        w.write(person(7, "2630023", "青木", Map.of()));
        assertThrows(IllegalStateException.class, () -> w.write(person(8, "1000001", "森", Map.of())));
    }
}
