package jp.koyomi.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One bad value: where it is (row, field; a template's line and column) and what is wrong with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer row, String field, String message, Integer line, Integer column) {

    public static FieldError atRow(int row, String field, String message) {
        return new FieldError(row, field, message, null, null);
    }

    public static FieldError ofField(String field, String message) {
        return new FieldError(null, field, message, null, null);
    }

    public static FieldError atLine(String field, int line, int column, String message) {
        return new FieldError(null, field, message, line, column);
    }
}
