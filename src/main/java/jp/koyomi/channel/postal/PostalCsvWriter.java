package jp.koyomi.channel.postal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the printer's CSV one row at a time: a header, CRLF line ends, RFC 4180 quoting, cells
 * that would start a spreadsheet formula neutralised, rows in postal-code order (checked), and
 * rows with a character the encoding cannot hold held back and reported, never replaced by "?".
 */
public final class PostalCsvWriter implements AutoCloseable {

    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final List<String> ADDRESS_COLUMNS = List.of("postal_code", "address", "building", "company", "name",
            "barcode");

    /** A row that was not written, and why. */
    public record HeldBack(long deliveryId, String externalId, String field, String character, String reason) {
    }

    private final Writer out;
    private final CharsetEncoder encoder;
    private final List<String> fieldNames;
    private final List<HeldBack> heldBack = new ArrayList<>();
    private String lastPostalCode = "";
    private int written;

    /** @param utf8WithBom UTF-8 with a byte-order mark instead of windows-31j */
    public PostalCsvWriter(OutputStream stream, boolean utf8WithBom, List<String> fieldNames) {
        Charset charset = utf8WithBom ? StandardCharsets.UTF_8 : WINDOWS_31J;
        this.encoder = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, charset.newEncoder()), 1 << 16);
        this.fieldNames = List.copyOf(fieldNames);
        try {
            if (utf8WithBom) {
                out.write('\uFEFF');
            }
            List<String> header = new ArrayList<>(ADDRESS_COLUMNS);
            header.addAll(fieldNames);
            header.replaceAll(PostalCsvWriter::neutralised);
            line(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A recipient's row as the printer gets it: every column in order, formulas neutralised (quoting aside);
     * or, instead, why the row is held back. {@code cells} is empty when {@code heldBack} is set.
     */
    public record Row(Map<String, String> cells, HeldBack heldBack) {
    }

    /** Writes a recipient, or holds them back with the reason; recipients must come in postal-code order. */
    public void write(PostalRecipient r) {
        if (r.postalCode().compareTo(lastPostalCode) < 0) {
            throw new IllegalStateException("recipients are not sorted by postal code: " + r.postalCode() + " after "
                    + lastPostalCode);
        }
        lastPostalCode = r.postalCode();
        Row row = row(r);
        if (row.heldBack() != null) {
            heldBack.add(row.heldBack());
            return;
        }
        try {
            line(row.cells().values());
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row {@link #write} writes for a recipient, without writing it: what a preview shows. */
    public Row row(PostalRecipient r) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("postal_code", r.postalCode().substring(0, 3) + "-" + r.postalCode().substring(3));
        cells.put("address", nz(r.prefecture()) + nz(r.city()) + nz(r.address1()));
        cells.put("building", nz(r.address2()));
        cells.put("company", nz(r.company()));
        cells.put("name", name(r));
        cells.put("barcode", CustomerBarcode.data(r.postalCode(), r.address1(), r.address2()));
        for (String field : fieldNames) {
            cells.put(field, nz(r.fields().get(field)));
        }
        for (var cell : cells.entrySet()) {
            int bad = unencodable(cell.getValue());
            if (bad >= 0) {
                String character = new String(Character.toChars(cell.getValue().codePointAt(bad)));
                return new Row(Map.of(), new HeldBack(r.deliveryId(), r.externalId(), cell.getKey(), character,
                        String.format("%s (U+%04X) in %s cannot be written in %s", character,
                                cell.getValue().codePointAt(bad), cell.getKey(), encoder.charset().name())));
            }
        }
        cells.replaceAll((column, value) -> neutralised(value));
        return new Row(Collections.unmodifiableMap(cells), null);
    }

    public int written() {
        return written;
    }

    public List<HeldBack> heldBack() {
        return List.copyOf(heldBack);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String name(PostalRecipient r) {
        boolean person = r.familyName() != null && !r.familyName().isBlank();
        if (!person) {
            return nz(r.company()).isEmpty() ? "" : "御中";
        }
        return r.familyName() + (r.givenName() == null ? "" : " " + r.givenName()) + " 様";
    }

    private int unencodable(String value) {
        if (encoder.canEncode(value)) {
            return -1;
        }
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (!encoder.canEncode(new String(Character.toChars(value.codePointAt(i))))) {
                return i;
            }
        }
        return -1;
    }

    private void line(Collection<String> cells) throws IOException {
        boolean first = true;
        for (String cell : cells) {
            if (!first) {
                out.write(',');
            }
            out.write(quoted(cell));
            first = false;
        }
        out.write("\r\n");
    }

    /** OWASP's advice for CSV injection: a cell that a spreadsheet would read as a formula gets a leading '. */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quoted(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
