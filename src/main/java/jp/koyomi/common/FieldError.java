package jp.koyomi.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One bad value: where it is (row, field; a template's line and column) and what is wrong with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", requiredProperties = "message")
public record FieldError(@Schema(description = "Import row, 1 = the first data row, 0 = the header") Integer row,
        @Schema(description = "Where: a JSON path such as definition.cadence.days[0], a column or a parameter", examples = "definition.holdout_percent") String field,
        @Schema(examples = "expected a whole number") String message,
        @Schema(description = "Template line, 1-based") Integer line,
        @Schema(description = "Template column, 1-based") Integer column) {

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
