package jp.koyomi.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template may not contain, checked on its text before anything is parsed or run, for
 * message templates and partials alike. Each refusal names line and column. Rendering does not
 * rely on these alone: the engine also checks the parsed template and the rendered HTML.
 */
final class StaticChecks {

    /** One refused construct and why, in words for marketers. */
    private record Rule(Pattern pattern, String why) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\?\\s*(eval|eval_json|evalJson|interpret|new|api)\\b", FLAGS),
                    "evaluates text as code or reaches Java"),
            new Rule(Pattern.compile("\\?\\s*(no_esc|noEsc)\\b|[<\\[]#\\s*(noautoesc|outputformat|ftl)\\b", FLAGS),
                    "would switch HTML escaping off; Koyomi always escapes customer data"),
            new Rule(Pattern.compile("[<\\[]#\\s*setting\\b", FLAGS),
                    "settings are fixed by Koyomi; format with yen(), en(), jpDate() or ?string"),
            new Rule(Pattern.compile("(?<![\\w\\])\"'.])\\.\\s*(vars|data_model|dataModel|globals|locals|main|namespace"
                    + "|get_optional_template|getOptionalTemplate|caller_template_name|callerTemplateName"
                    + "|main_template_name|mainTemplateName|current_template_name|currentTemplateName|template_name"
                    + "|templateName|node|pass|error)\\b", FLAGS),
                    "is one of FreeMarker's special variables; use the names of the data model (customer, items, ...)"),
            new Rule(Pattern.compile("\\?\\s*(left_pad|right_pad|leftPad|rightPad)\\b(?!\\s*\\(\\s*\\d{1,3}\\s*[,)])", FLAGS),
                    "takes a plain width of at most 999"),
            new Rule(Pattern.compile("[<\\[]#\\s*(include|import)\\b(?!\\s+\"[a-z0-9][a-z0-9_-]{0,63}(\\.ftl)?\"[\\s>/])",
                    FLAGS), "names a partial in quotes, e.g. <#include \"footer\">"));
    private static final Pattern INCLUDED = Pattern.compile("[<\\[]#\\s*(?:include|import)\\s+\"([a-z0-9][a-z0-9_-]{0,63})"
            + "(?:\\.ftl)?\"", FLAGS);

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{19,}");

    private StaticChecks() {
    }

    /** Every refused construct in {@code body}, each with line and column. */
    static List<TemplateProblem> check(String part, String body) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (body == null || body.isBlank()) {
            problems.add(new TemplateProblem(part, null, null, "is empty"));
            return problems;
        }
        if (body.length() > TemplateEngine.MAX_SOURCE_CHARS) {
            problems.add(new TemplateProblem(part, null, null, "longer than " + TemplateEngine.MAX_SOURCE_CHARS
                    + " characters"));
            return problems;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(body);
            while (m.find()) {
                problems.add(new TemplateProblem(part, line(body, m.start()), column(body, m.start()),
                        "'" + m.group().strip() + "' is not allowed: it " + rule.why()));
            }
        }
        return problems;
    }

    /** The partials a template includes or imports, by name (the checks above make every include a plain name). */
    static Set<String> includedPartials(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = INCLUDED.matcher(body == null ? "" : body);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    /**
     * Where brackets and directives nest deepest: for a template too deeply nested for the parser,
     * which cannot say where itself.
     */
    static int deepestNesting(String body) {
        int depth = 0;
        int max = 0;
        int at = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(' || c == '[' || c == '{' || (c == '<' && body.startsWith("<#", i))) {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || (c == '<' && body.startsWith("</#", i))) {
                depth--;
            }
            if (depth > max) {
                max = depth;
                at = i;
            }
        }
        return at;
    }

    /** Where the first number too long for a template is. */
    static int longNumber(String body) {
        Matcher m = LONG_NUMBER.matcher(body);
        return m.find() ? m.start() : 0;
    }

    static int line(String body, int offset) {
        return 1 + (int) body.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    static int column(String body, int offset) {
        return offset - body.lastIndexOf('\n', offset - 1);
    }
}
