package jp.koyomi.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates a careless or hostile marketer could write. Each is refused at save (what
 * {@link TemplateEngine#validate} decides) with the part, a line and a column, and a message that
 * shows nothing of the server's insides; none of them may end in an Error.
 */
class HostileTemplateCorpusTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private final TemplateEngine engine = new TemplateEngine(
            name -> Optional.ofNullable(Map.of("footer", "<p>${sender.brand}</p>").get(name)), Duration.ofSeconds(2),
            200_000);

    static Stream<Arguments> corpus() {
        return Stream.of(
                // escaping switched off (item 12)
                Arguments.of("outputformat RTF", "<p><#outputformat \"RTF\">${customer.familyName}</#outputformat></p>"),
                Arguments.of("outputFormat camelCase", "<#outputFormat \"plainText\">${customer.familyName}</#outputFormat>"),
                Arguments.of("ftl output_format", "<#ftl output_format=\"plainText\">${customer.familyName}"),
                Arguments.of("ftl auto_esc", "<#ftl auto_esc=false>${customer.familyName}"),
                Arguments.of("square ftl header", "[#ftl output_format=\"RTF\"]${customer.familyName}"),
                Arguments.of("noautoesc", "<#noautoesc>${customer.familyName}</#noautoesc>"),
                Arguments.of("noAutoEsc", "<#noAutoEsc>${customer.familyName}</#noAutoEsc>"),
                Arguments.of("no_esc", "${customer.familyName?no_esc}"),
                Arguments.of("noEsc", "${customer.familyName?noEsc}"),
                // heap, stack and time (item 13)
                Arguments.of("string doubling in a loop",
                        "<#assign s = \"x\"><#list 1..64 as i><#assign s = s + s></#list>${s?length}"),
                Arguments.of("string doubling statement after statement",
                        "<#assign s = \"0123456789\">" + "<#assign s = s + s>".repeat(40) + "${s?length}"),
                Arguments.of("captured output doubling",
                        "<#assign s = \"x\"><#list 1..64 as i><#assign s>${s}${s}</#assign></#list>${s?length}"),
                Arguments.of("sequence doubling", "<#assign q = [1]><#list 1..64 as i><#assign q = q + q></#list>"
                        + "<#list q as x>${x}</#list>"),
                Arguments.of("macro recursion", "<#macro m n><@m n=n+1/></#macro><@m n=0/>"),
                Arguments.of("function recursion", "<#function f n><#return f(n + 1)></#function>${f(0)}"),
                Arguments.of("mutual recursion", "<#macro a><@b/></#macro><#macro b><@a/></#macro><@a/>"),
                Arguments.of("deep nesting", "<#if true>".repeat(3000) + "x" + "</#if>".repeat(3000)),
                Arguments.of("deep expression nesting", "${" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}"),
                Arguments.of("a billion iterations", "<#list 1..1000000000 as i></#list>"),
                Arguments.of("a billion iterations with output", "<#list 1..1000000000 as i>${i}</#list>"),
                Arguments.of("huge left_pad", "${customer.familyName?left_pad(1000000000)}"),
                Arguments.of("left_pad with a computed width", "${customer.familyName?left_pad(customer.points * 1000000)}"),
                Arguments.of("huge rightPad", "${customer.familyName?rightPad(99999)}"),
                Arguments.of("?string of a huge number", "${\"1e999999999\"?number?string}"),
                Arguments.of("?c of a huge number", "${\"1e999999999\"?number?c}"),
                Arguments.of("a 40-digit literal", "${1234567890123456789012345678901234567890}"),
                Arguments.of("number squaring", "<#assign n = 10><#list 1..40 as i><#assign n = n * n></#list>${n}"),
                // evaluation and internals (items 12 and 14)
                Arguments.of("eval_json", "${\"{}\"?eval_json}"),
                Arguments.of("evalJson", "<#assign x = \"{}\"?evalJson>"),
                Arguments.of("eval", "${\"1+1\"?eval}"),
                Arguments.of("interpret", "<#assign t = \"x\"?interpret><@t/>"),
                Arguments.of("interpret with space", "<#assign t = \"x\"? interpret><@t/>"),
                Arguments.of("interpret of a sequence", "<#assign t = [\"x\", \"n\"]?interpret><@t/>"),
                Arguments.of(".vars", "${.vars[\"customer\"].familyName}"),
                Arguments.of(".vars printed", "${.vars}"),
                Arguments.of(".data_model", "${.data_model.customer.familyName}"),
                Arguments.of(".globals", "<#list .globals?keys as k>${k}</#list>"),
                Arguments.of(".main", "${.main}"),
                Arguments.of(".get_optional_template", "<#assign t = .get_optional_template(\"footer\")>"),
                Arguments.of("setting locale", "<#setting locale=\"en_US\">${customer.points}"),
                Arguments.of("setting number_format", "<#setting number_format=\"0.####################\">x"),
                Arguments.of("setting classic_compatible", "<#setting classic_compatible=true>${customer.nickname}"),
                Arguments.of("setting output_encoding", "<#setting output_encoding=\"x\">x"),
                Arguments.of("include by expression", "<#include customer.familyName>"),
                Arguments.of("include a missing partial", "<p>\n<#include \"nosuch\"></p>"),
                Arguments.of("api", "${customer?api.getClass()}"),
                Arguments.of("new", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}"),
                Arguments.of("a sequence printed", "${items}"),
                Arguments.of("a hash printed", "${customer}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedAtSaveWithPartLineAndColumn(String name, String html) {
        List<TemplateProblem> problems = engine.validate(new TemplateSource.Email("s", html, "t"),
                List.of(TemplateEngineTest.customerNamed(HOSTILE_NAME)));
        assertFalse(problems.isEmpty(), name + " must be refused");
        TemplateProblem p = problems.get(0);
        assertEquals("html", p.part(), problems.toString());
        assertNotNull(p.line(), "line: " + problems);
        assertNotNull(p.column(), "column: " + problems);
        for (String internal : List.of("freemarker", "f.c.", "f.t.", "$$Lambda", "Loader", "java.", "Exception", "jp.koyomi",
                HOSTILE_NAME)) {
            assertFalse(p.message().contains(internal), "'" + internal + "' in: " + p.message());
        }
        assertTrue(p.message().length() <= 300, p.message());
    }
}
