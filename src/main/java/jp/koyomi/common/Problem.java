package jp.koyomi.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code errors} names each bad input: the row (1 = first data row,
 * 0 = header), the field and the reason.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json.",
        requiredProperties = { "type", "title", "status" })
public record Problem(@Schema(examples = "about:blank") String type, @Schema(examples = "Invalid input") String title,
        @Schema(examples = "400") int status,
        @Schema(description = "What went wrong, in a sentence.", examples = "Unknown field definition.holdoutPercent (did you mean holdout_percent?)") String detail,
        @Schema(description = "Each bad input: the field (a JSON path or a parameter name), the import row, the template line.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
