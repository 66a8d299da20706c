package jp.koyomi.imports;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.Csv;

/** Import files a broken export or an attacker could send: a clear 400 naming the row, and nothing stored. */
@QuarkusTest
class HostileImportTest {

    private static int customerStatus(String id) {
        return as("viewer").get("/api/v1/customers/" + id).statusCode();
    }

    @Test
    void shouldRejectAnUnterminatedQuoteNamingItsRow() {
        String csv = Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("HI-1", "150-0001"),
                "HI-2,\"青木,陽菜,アオキ,ヒナ,hina@example.jp,,150-0001,13,,,,,true,false,false,EMAIL,,0,");
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("malformed CSV"));
        assertEquals(404, customerStatus("HI-1"), "no row of a rejected import may be stored");
    }

    @Test
    void shouldRejectInvalidUtf8InsteadOfStoringReplacementCharacters() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((Csv.CUSTOMER_HEADER + "\n" + Csv.customer("HI-5", "150-0001") + "\nHI-6,").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] { (byte) 0x90, (byte) 0xC2, (byte) 0x96, (byte) 0xD8 }); // 青木 in Shift_JIS, not UTF-8
        body.write(",陽菜,,,,,150-0001,13,,,,,true,false,false,EMAIL,,0,\n".getBytes(StandardCharsets.UTF_8));
        as("marketer").contentType("text/csv").body(body.toByteArray()).post("/api/v1/imports/customers").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("UTF-8"));
        assertEquals(404, customerStatus("HI-5"));
        assertEquals(404, customerStatus("HI-6"), "a name must never be stored as replacement characters");
    }

    @Test
    void shouldNameTheRowOfInvalidUtf8FarIntoALargeFile() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder good = new StringBuilder(Csv.CUSTOMER_HEADER).append('\n');
        for (int i = 1; i <= 2000; i++) {
            good.append(Csv.customer("HU-" + i, "150-0001")).append('\n');
        }
        body.write(good.toString().getBytes(StandardCharsets.UTF_8));
        body.write("HU-2001,".getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] { (byte) 0x82, (byte) 0xA0 }); // あ in Shift_JIS
        body.write(",陽菜,,,,,150-0001,13,,,,,true,false,false,EMAIL,,0,\n".getBytes(StandardCharsets.UTF_8));
        as("marketer").contentType("text/csv").body(body.toByteArray()).post("/api/v1/imports/customers").then()
                .statusCode(400).body("errors[0].row", equalTo(2001)).body("errors[0].message", containsString("UTF-8"));
        assertEquals(404, customerStatus("HU-1"));
    }

    @Test
    void shouldRejectATenMegabyteCellNamingTheField() {
        String csv = Csv.of(Csv.CUSTOMER_HEADER, Csv.customer("HI-7", "150-0001"),
                "HI-8," + "森".repeat(10 * 1024 * 1024 / 3) + ",陽菜,,,,,150-0001,13,,,,,true,false,false,EMAIL,,0,");
        as("marketer").contentType("text/csv").body(csv).post("/api/v1/imports/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("family_name")).body("errors[0].message", containsString("longer than"));
        assertEquals(404, customerStatus("HI-7"));
        as("viewer").get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldAnswerAMillionBadRowsWithTheFirstErrorsAndTheirCount() {
        int rows = 1_000_000;
        // Streamed: the file is generated as it is sent, never held whole in either JVM.
        as("marketer").contentType("text/csv").body(new BadRows(rows)).post("/api/v1/imports/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(ImportErrors.MAX_REPORTED))
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("postal_code"))
                .body("detail", containsString(rows + " errors (the first " + ImportErrors.MAX_REPORTED + " listed)"));
        assertEquals(404, customerStatus("BAD-1"));
        as("viewer").get("/q/health/ready").then().statusCode(200);
    }

    /** A customer file of {@code rows} rows, each with an impossible postal code, generated on the fly. */
    private static final class BadRows extends InputStream {
        private final int rows;
        private int row;
        private byte[] current = (Csv.CUSTOMER_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        private int at;

        BadRows(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == current.length) {
                if (row == rows) {
                    return -1;
                }
                row++;
                current = ("BAD-" + row + ",森,,,,,,99,13,,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            return current[at++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
