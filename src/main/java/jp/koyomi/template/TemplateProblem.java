package jp.koyomi.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something wrong with a template: which part (subject, html, text, message 2, field greeting), where, and why. */
@Schema(name = "TemplateProblem", requiredProperties = { "message" })
public record TemplateProblem(String part, Integer line, Integer column, String message) {
}
