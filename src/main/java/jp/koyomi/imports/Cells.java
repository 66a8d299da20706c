package jp.koyomi.imports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the typed values of one row, adding an error that names row, field and reason for every
 * value that does not parse. Methods return null for an absent column, an empty cell or a bad value.
 */
public final class Cells {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final Row row;
    private final ImportErrors errors;

    public Cells(Row row, ImportErrors errors) {
        this.row = row;
        this.errors = errors;
    }

    public int rowNumber() {
        return row.number();
    }

    public boolean has(String column) {
        return row.has(column);
    }

    /** The column is present and its cell is not empty. */
    public boolean hasValue(String column) {
        return row.value(column) != null;
    }

    public void error(String field, String message) {
        errors.add(row.number(), field, message);
    }

    public String text(String field, int maxLength) {
        String v = row.value(field);
        if (v != null && v.length() > maxLength) {
            error(field, "longer than " + maxLength + " characters");
            return null;
        }
        return v;
    }

    public String required(String field, int maxLength) {
        if (row.value(field) == null) {
            error(field, "is required");
            return null;
        }
        return text(field, maxLength);
    }

    /** Full-width digits and hyphens are common in Japanese data; NFKC makes them ASCII first. */
    public String normalized(String field, int maxLength) {
        String v = text(field, maxLength);
        return v == null ? null : Normalizer.normalize(v, Normalizer.Form.NFKC).strip();
    }

    public String email(String field) {
        String v = text(field, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            error(field, "'" + v + "' is not an email address");
            return null;
        }
        return v;
    }

    public LocalDate date(String field) {
        return parsed(field, "a date as YYYY-MM-DD", LocalDate::parse);
    }

    public OffsetDateTime dateTime(String field) {
        return parsed(field, "an ISO-8601 date-time with offset, e.g. 2025-04-01T09:30:00+09:00", OffsetDateTime::parse);
    }

    public Boolean bool(String field) {
        String v = row.value(field);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                error(field, "'" + v + "' must be true or false");
                yield null;
            }
        };
    }

    public Integer integer(String field, int min) {
        Integer v = parsed(field, "a whole number", s -> Integer.valueOf(Normalizer.normalize(s, Normalizer.Form.NFKC)));
        if (v != null && v < min) {
            error(field, v + " is below the minimum " + min);
            return null;
        }
        return v;
    }

    public Integer requiredInteger(String field, int min) {
        if (!hasValue(field)) {
            error(field, "is required");
            return null;
        }
        return integer(field, min);
    }

    public OffsetDateTime requiredDateTime(String field) {
        if (!hasValue(field)) {
            error(field, "is required");
            return null;
        }
        return dateTime(field);
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String v = row.value(field);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "'" + v + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private <T> T parsed(String field, String expected, Function<String, T> parse) {
        String v = row.value(field);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            error(field, "'" + v + "' is not " + expected);
            return null;
        }
    }
}
