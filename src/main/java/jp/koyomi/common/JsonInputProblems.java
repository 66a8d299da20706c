package jp.koyomi.common;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's refusals of a request body into problems that name the field by its path
 * ({@code definition.cadence.days[0]}) and, for a misspelt field, the known name it was probably
 * meant to be.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static Problem unknownField(UnrecognizedPropertyException e) {
        String field = path(e.getPath());
        String nearest = nearest(e.getPropertyName(), e.getKnownPropertyIds());
        String message = "unknown field" + (nearest == null ? "" : "; did you mean " + nearest + "?");
        return problem("Unknown field " + field + (nearest == null ? "" : " (did you mean " + nearest + "?)"),
                FieldError.ofField(field, message));
    }

    static Problem mismatch(MismatchedInputException e) {
        String field = path(e.getPath());
        String expected = e.getTargetType() == null ? "another kind of value" : describe(e.getTargetType());
        String message = e instanceof InvalidFormatException f && f.getValue() != null
                ? "'" + f.getValue() + "' is not " + expected
                : "expected " + expected;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message += " (one of " + String.join(", ", enumNames(e.getTargetType())) + ")";
        }
        return problem(field.isEmpty() ? "The body is not what this endpoint reads: " + message
                : "Wrong value at " + field + ": " + message, FieldError.ofField(field.isEmpty() ? "body" : field, message));
    }

    private static Problem problem(String detail, FieldError error) {
        return new Problem("about:blank", "Invalid input", 400, detail, List.of(error));
    }

    /** The field's path as the caller wrote it: names joined by dots, list positions in brackets. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /**
     * The known name closest to what was written, ignoring case and underscores (so
     * {@code holdoutPercent} finds {@code holdout_percent}); none when every name is far off.
     */
    static String nearest(String written, Collection<Object> known) {
        if (written == null || known == null) {
            return null;
        }
        String w = squash(written);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.stream().filter(Objects::nonNull).map(String::valueOf).sorted().toList()) {
            int d = distance(w, squash(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, w.length() / 3) ? best : null;
    }

    private static String squash(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: the fewest single-character edits from a to b. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "a known value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static List<String> enumNames(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
    }
}
