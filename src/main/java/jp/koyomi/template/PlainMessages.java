package jp.koyomi.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.core.InvalidReferenceException;
import freemarker.template.TemplateException;

/**
 * FreeMarker's error messages, made fit for a marketer: no Java class names, wrappers, lambdas or
 * template loaders (they say nothing to a marketer and describe the server's insides), no tips
 * section, one short paragraph.
 */
final class PlainMessages {

    private static final int MAX_LENGTH = 300;
    private static final Pattern NOT_FOUND = Pattern.compile("Template not found for name \"([^\"]*)\"");
    private static final Pattern INTERNALS = Pattern.compile(
            "\\(wrapper: [^)]*\\)"                                    // (wrapper: f.t.SimpleSequence)
            + "|\\(class [^)]*\\)"
            + "|The name was interpreted by this TemplateLoader:.*"   // PartialLoader[partials=...$$Lambda$756...]
            + "|Help \\(latest version\\):.*"                        // a link and the list of all built-ins
            + "|\\S*\\$\\$Lambda\\S*"
            + "|\\b(?:[a-z_][\\w]*\\.)+[A-Z][\\w$]*(?:\\[[^\\]]*\\])?"  // f.c.BuiltinVariable$VarsHash, java.lang.String
            + "|\\b[A-Z]\\w*\\$\\w+\\b", Pattern.DOTALL);

    private PlainMessages() {
    }

    static String of(TemplateException e) {
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return "'" + e.getBlamedExpressionString() + "' is not defined here; write ${" + e.getBlamedExpressionString()
                    + "!''} if it may be missing";
        }
        String message = e.getMessageWithoutStackTop();
        Matcher notFound = NOT_FOUND.matcher(message == null ? "" : message);
        if (notFound.find()) {
            return "there is no partial named \"" + notFound.group(1) + "\"";
        }
        return clean(message);
    }

    /** One paragraph without internals, for any message that may contain FreeMarker or Java details. */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "the template failed here";
        }
        String plain = message;
        int tips = plain.indexOf("\n----");
        if (tips >= 0) {
            plain = plain.substring(0, tips);
        }
        plain = INTERNALS.matcher(plain).replaceAll("");
        plain = plain.replace("==>", "").replaceAll("\\s+", " ").replaceAll(" ([.,:;])", "$1").strip();
        if (plain.endsWith(":")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain.length() > MAX_LENGTH ? plain.substring(0, MAX_LENGTH - 1) + "…" : plain;
    }
}
