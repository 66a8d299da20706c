package jp.koyomi.template;

/** Something wrong with a template: which part (subject, html, text, message 2, field greeting), where, and why. */
public record TemplateProblem(String part, Integer line, Integer column, String message) {
}
