package jp.koyomi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jp.koyomi.common.FieldError;

/**
 * Streams the rows of an import body, one at a time, from CSV (RFC 4180, header row, UTF-8 with or
 * without BOM) or a JSON array of objects. Never holds more than one row.
 */
public abstract class RowSource implements Iterator<Row>, AutoCloseable {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The CSV header; JSON objects carry their own keys, so JSON has none. */
    public abstract List<String> header();

    @Override
    public abstract void close() throws IOException;

    public boolean hasHeaderRow() {
        return !header().isEmpty();
    }

    public static RowSource csv(InputStream body) throws IOException {
        try {
            return new Csv(new StrictUtf8Reader(skipBom(body)));
        } catch (CharacterCodingException e) {
            throw new UnreadableException(0, "malformed CSV header: " + rootMessage(e));
        }
    }

    public static RowSource json(InputStream body) throws IOException {
        return new Json(JSON.getFactory().createParser(body));
    }

    /** Rows made in code (the demo brand) go through the same validation as a file's. */
    public static RowSource of(Iterator<Row> rows) {
        return new RowSource() {
            @Override
            public List<String> header() {
                return List.of();
            }

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return rows.next();
            }

            @Override
            public void close() {
            }
        };
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            pushback.unread(head);
        }
        return pushback;
    }

    /** A body that cannot be read as rows at all; carries where it broke. */
    public static class UnreadableException extends RuntimeException {
        private final FieldError error;

        UnreadableException(int row, String message) {
            super(message);
            this.error = FieldError.atRow(row, null, message);
        }

        public FieldError error() {
            return error;
        }
    }

    private static final class Csv extends RowSource {
        private final Iterator<List<String>> lines;
        private final List<String> header;
        private final java.io.Closeable closer;
        private int number;

        Csv(Reader reader) throws IOException {
            var iterator = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).<List<String>>readValues(reader);
            this.closer = iterator;
            this.lines = iterator;
            try {
                this.header = lines.hasNext() ? lines.next().stream().map(String::strip).toList() : List.of();
            } catch (RuntimeException e) {
                throw new UnreadableException(0, "malformed CSV header: " + rootMessage(e));
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public boolean hasNext() {
            try {
                return lines.hasNext();
            } catch (RuntimeException e) {
                throw new UnreadableException(number + 1, "malformed CSV: " + rootMessage(e));
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<String> cells;
            try {
                cells = lines.next();
            } catch (RuntimeException e) {
                throw new UnreadableException(number + 1, "malformed CSV: " + rootMessage(e));
            }
            number++;
            if (cells.size() > header.size()) {
                throw new UnreadableException(number, "row has " + cells.size() + " cells but the header names "
                        + header.size() + " columns");
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byName.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            return new Row(number, byName);
        }

        @Override
        public void close() throws IOException {
            closer.close();
        }
    }

    private static final class Json extends RowSource {
        private final JsonParser parser;
        private int number;
        private Boolean more;

        Json(JsonParser parser) throws IOException {
            this.parser = parser;
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableException(0, "the JSON body must be an array of objects");
            }
        }

        @Override
        public List<String> header() {
            return List.of();
        }

        @Override
        public boolean hasNext() {
            if (more == null) {
                try {
                    JsonToken token = parser.nextToken();
                    if (token != JsonToken.START_OBJECT && token != JsonToken.END_ARRAY) {
                        throw new UnreadableException(number + 1, "expected an object, found " + token);
                    }
                    more = token == JsonToken.START_OBJECT;
                } catch (JsonProcessingException e) {
                    throw new UnreadableException(number + 1, "malformed JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    throw new UnreadableException(number + 1, "unreadable body: " + e.getMessage());
                }
            }
            return more;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            more = null;
            number++;
            ObjectNode object;
            try {
                object = JSON.readTree(parser);
            } catch (IOException e) {
                throw new UnreadableException(number, "malformed JSON: " + rootMessage(e));
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (var fields = object.fields(); fields.hasNext();) {
                var field = fields.next();
                byName.put(field.getKey(), text(field.getValue()));
            }
            return new Row(number, byName);
        }

        private static String text(JsonNode value) {
            if (value.isNull()) {
                return "";
            }
            if (value.isArray()) {
                // Topics may come as a JSON list; the row speaks the CSV's ';'-separated form.
                StringBuilder joined = new StringBuilder();
                value.forEach(v -> joined.append(joined.isEmpty() ? "" : ";").append(v.asText()));
                return joined.toString();
            }
            return value.isContainerNode() ? value.toString() : value.asText();
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CharacterCodingException) {
            return "the file is not valid UTF-8 text at or just before this row (save it as UTF-8)";
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    }
}
