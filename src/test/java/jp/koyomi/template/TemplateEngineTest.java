package jp.koyomi.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TemplateEngineTest {

    private final TemplateEngine engine = new TemplateEngine(
            name -> Optional.ofNullable(Map.of("footer", "<p>${sender.brand}</p>").get(name)), Duration.ofSeconds(1),
            200_000);

    static MessageContext customerNamed(String family) {
        return new MessageContext(
                new MessageContext.Customer(family, "陽菜", "アオキ", "ヒナ", "東京都", 1200, LocalDate.of(2026, 12, 31)),
                List.of(new MessageContext.Item("JN-310", "テーパードジーンズ", "jeans", "M", "インディゴ", 11900, 9900,
                        "https://shop.example/p/jn-310", null)),
                List.of(), "冬のおすすめ", LocalDate.of(2026, 11, 24), "https://koyomi.example/unsubscribe/t", 
                new MessageContext.Sender("こよみアパレル", "東京都渋谷区神宮前1-2-3", "support@example.jp"));
    }

    private static TemplateSource.Email email(String html) {
        return new TemplateSource.Email("${customer.familyName}様へ", html, "${customer.familyName}様");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "${customer?api.getClass()}",
            "${\"1+1\"?eval}",
            "<#assign t = \"${'$'}{1}\"?interpret><@t/>",
            "<#noautoesc>${customer.familyName}</#noautoesc>",
            "${customer.familyName?no_esc}" })
    void hostileBuiltInsAreRefusedAtSave(String html) {
        List<TemplateProblem> problems = engine.validate(email(html), List.of(customerNamed("青木")));
        assertFalse(problems.isEmpty(), "must be refused: " + html);
        assertEquals("html", problems.get(0).part());
        assertTrue(problems.get(0).line() != null && problems.get(0).line() == 1);
    }

    @Test
    void javaObjectsAreUnreachableEvenWithoutTheForbiddenBuiltIns() {
        List<TemplateProblem> problems = engine.validate(email("${customer.getClass()}"), List.of(customerNamed("青木")));
        assertFalse(problems.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "<#include \"/etc/passwd\">", "<#include \"../../etc/passwd\">",
            "<#import \"/etc/hosts\" as h>", "<#include \"file:///etc/passwd\">" })
    void onlyPartialsCanBeIncludedAndNoFileIsRead(String html) throws Exception {
        String secret = Files.readString(Path.of("/etc/hostname")).strip();
        List<TemplateProblem> problems = engine.validate(email(html), List.of(customerNamed("青木")));
        assertFalse(problems.isEmpty(), html);
        assertFalse(problems.toString().contains(secret));
    }

    @Test
    void partialsAreIncludedByName() {
        var rendered = (RenderedMessage.Email) engine.compile(email("<#include \"footer\">")).render(customerNamed("青木"));
        assertEquals("<p>こよみアパレル</p>", rendered.html());
    }

    @Test
    void aRunawayLoopIsStoppedByTheTimeOrMemoryLimit() {
        TemplateEngine.Compiled loop = engine.compile(email("<#list 1..999999999 as i></#list>done"));
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> loop.render(customerNamed("青木")));
        assertTrue(e.getMessage().contains("time limit") || e.getMessage().contains("MB of memory"), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak to the caller");
    }

    @Test
    void hugeOutputIsStoppedByTheSizeLimit() {
        TemplateEngine.Compiled big = engine.compile(email("<#list 1..100000 as i>0123456789</#list>"));
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> big.render(customerNamed("青木")));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void customerDataIsEscapedInHtml() {
        var rendered = (RenderedMessage.Email) engine.compile(email("<p>${customer.familyName}様</p>"))
                .render(customerNamed("<script>alert(1)</script>"));
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;様</p>", rendered.html());
        assertTrue(rendered.text().contains("<script>"), "the text part is plain text");
    }

    @Test
    void customerDataCannotBreakLineJson() throws Exception {
        String hostile = "\"},{\"type\":\"text\",\"text\":\"pwned\\\n改行";
        TemplateSource.Line line = new TemplateSource.Line(List.of("${customer.familyName}様、こんにちは",
                "{\"type\":\"flex\",\"altText\":\"${customer.familyName}様へ\",\"contents\":{\"type\":\"bubble\","
                        + "\"body\":{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\","
                        + "\"text\":\"${customer.familyName}\"}]}}}"));
        var rendered = (RenderedMessage.Line) engine.compile(line).render(customerNamed(hostile));
        ObjectMapper json = new ObjectMapper();
        JsonNode text = json.readTree(rendered.messagesJson().get(0));
        assertEquals(hostile + "様、こんにちは", text.get("text").asText());
        JsonNode flex = json.readTree(rendered.messagesJson().get(1));
        assertEquals(hostile, flex.at("/contents/body/contents/0/text").asText());
        assertEquals(3, flex.size(), "no property was injected");
    }

    @Test
    void undefinedVariablesAreReportedWithLineAndColumn() {
        List<TemplateProblem> problems = engine.validate(email("<p>\n  ${customer.nickname}</p>"),
                List.of(customerNamed("青木")));
        assertEquals(1, problems.size());
        assertEquals("html", problems.get(0).part());
        assertEquals(2, problems.get(0).line());
        assertEquals(5, problems.get(0).column());
    }

    @Test
    void syntaxErrorsAreReportedWithLineAndColumn() {
        List<TemplateProblem> problems = engine.validate(email("<#if items?size > 0>\n<p>x</p>"),
                List.of(customerNamed("青木")));
        assertEquals("html", problems.get(0).part());
        assertTrue(problems.get(0).line() != null, problems.toString());
    }

    @Test
    void japaneseFormattingHelpers() {
        var rendered = (RenderedMessage.Email) engine.compile(new TemplateSource.Email("s",
                "${yen(items[0].price)} / ${en(items[0].markdownPrice)} / ${jpDate(run.date)} / ${customer.fullName}${customer.honorific}",
                "t")).render(customerNamed("青木"));
        assertEquals("¥11,900 / 9,900円 / 2026年11月24日(火) / 青木 陽菜様", rendered.html());
    }

    @Test
    void postalFieldsRenderInOrder() {
        var rendered = (RenderedMessage.Postal) engine.compile(new TemplateSource.Postal(new java.util.LinkedHashMap<>(
                Map.of("greeting", "${customer.fullName}様")))).render(customerNamed("青木"));
        assertEquals(Map.of("greeting", "青木 陽菜様"), rendered.fields());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "<#outputformat \"RTF\">${customer.familyName}</#outputformat>",
            "<#ftl output_format=\"RTF\">${customer.familyName}", "<#ftl auto_esc=false>${customer.familyName}",
            "<#noautoesc>${customer.familyName}</#noautoesc>",
            "<p><#outputformat \"plainText\">${customer.familyName}</#outputformat></p>" })
    void theParsedHtmlPartIsCheckedForEscapingWhateverItsText(String html) throws Exception {
        freemarker.template.Template parsed;
        try {
            parsed = new freemarker.template.Template("html", html, Sandbox.html(name -> Optional.empty()));
        } catch (freemarker.core.ParseException refusedByTheForcedEscapingPolicy) {
            return;
        }
        List<TemplateProblem> problems = TemplateEngine.escapingProblems("html", parsed);
        assertFalse(problems.isEmpty(), html);
        assertTrue(problems.get(0).line() != null && problems.get(0).column() != null);
    }

    @Test
    void customerDataThatComesOutUnescapedIsNeverSent() {
        MessageContext hostile = customerNamed("<img src=x onerror=alert(1)>");
        TemplateRenderException e = assertThrows(TemplateRenderException.class,
                () -> TemplateEngine.checkEscaped("<p><img src=x onerror=alert(1)>様</p>", hostile));
        assertEquals("html", e.problem().part());
        TemplateEngine.checkEscaped("<p>&lt;img src=x onerror=alert(1)&gt;様</p>", hostile);
    }

    @Test
    void aPartialThatSwitchesEscapingOffIsRefusedWhenIncluded() {
        TemplateEngine withEvilPartial = new TemplateEngine(name -> Optional.ofNullable(Map.of("evil",
                "<#outputformat \"RTF\">${customer.familyName}</#outputformat>").get(name)), Duration.ofSeconds(1),
                200_000);
        TemplateEngine.Compiled compiled = withEvilPartial.compile(email("<p><#include \"evil\"></p>"));
        TemplateRenderException e = assertThrows(TemplateRenderException.class,
                () -> compiled.render(customerNamed("<img src=x onerror=alert(1)>")));
        assertTrue(e.problem().message().contains("evil"), e.problem().message());
        assertFalse(e.problem().message().contains("<img"), e.problem().message());
    }

    @Test
    void aTemplateHittingALimitLeavesTheEngineHealthy() {
        TemplateEngine.Compiled doubling = engine.compile(email(
                "<#assign s = \"x\"><#list 1..64 as i><#assign s = s + s></#list>${s?length}"));
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> doubling.render(customerNamed("青木")));
        assertEquals(1, e.problem().line());
        assertTrue(e.problem().message().contains("MB of memory"), e.problem().message());
        TemplateEngine.Compiled recursion = engine.compile(email("<#macro m n><@m n=n+1/></#macro><@m n=0/>"));
        e = assertThrows(TemplateRenderException.class, () -> recursion.render(customerNamed("青木")));
        assertTrue(e.problem().message().contains("deeper than"), e.problem().message());
        var fine = (RenderedMessage.Email) engine.compile(email("<p>${customer.familyName}様</p>")).render(customerNamed("青木"));
        assertEquals("<p>青木様</p>", fine.html());
    }

    @Test
    void errorMessagesShowNoInternals() {
        for (String html : List.of("${items}", "${customer}", "<#include \"nosuch\">", "${customer.points?string(\"x\")?foo}",
                "${yen(\"x\")}")) {
            List<TemplateProblem> problems = engine.validate(email(html), List.of(customerNamed("青木")));
            assertFalse(problems.isEmpty(), html);
            String message = problems.get(0).message();
            for (String internal : List.of("freemarker", "f.c.", "f.t.", "$$Lambda", "Loader", "java.", "Exception",
                    "wrapper")) {
                assertFalse(message.contains(internal), html + " -> " + message);
            }
        }
        assertEquals("there is no partial named \"nosuch\"", engine.validate(email("<#include \"nosuch\">"),
                List.of(customerNamed("青木"))).get(0).message());
    }

    @Test
    void aLongTemplateWithManyElementsIsAccepted() {
        String html = "<p>${customer.familyName}様 <#if customer.points gt 0>${customer.points}</#if></p>\n".repeat(1200);
        assertEquals(List.of(), engine.validate(email(html), List.of(customerNamed("青木"))));
    }
}
