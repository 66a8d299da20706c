package jp.koyomi.template;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * Compiles template versions once and renders them per customer, exactly as a send produces them.
 * Thread-safe: compiled templates are shared by all the threads of a run.
 *
 * <p>A template cannot hurt: refused constructs are found in its text ({@link StaticChecks}); an
 * HTML part must parse as auto-escaped HTML with no block that changes the output format; every
 * render is bounded in time, output, memory and nesting ({@link RenderGuard}), and a Java
 * {@link StackOverflowError} or {@link OutOfMemoryError} a template still provokes ends as a
 * problem of that template, never as an Error of the server; and the rendered HTML is checked
 * for customer data that came out unescaped.
 */
public final class TemplateEngine {

    public static final int MAX_SOURCE_CHARS = 100_000;
    public static final int MAX_LINE_MESSAGES = 5;
    /** Bytes one part's render may allocate; a 4-item email allocates well under 1 MB. */
    static final long MAX_RENDER_BYTES = 64L * 1024 * 1024;
    /** Elements nested in one another (blocks, includes, macro calls); real templates stay under 30. */
    static final int MAX_DEPTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration html;
    private final Configuration text;
    private final RenderLimits limits;

    public TemplateEngine(PartialSource partials, Duration timeLimit, int maxOutputChars) {
        this.html = Sandbox.html(partials);
        this.text = Sandbox.text(partials);
        this.limits = new RenderLimits(timeLimit, maxOutputChars);
    }

    /** A compiled template version: renders one customer's message. */
    public interface Compiled {
        RenderedMessage render(MessageContext context);
    }

    /** Checks a source before it is saved: forbidden built-ins, syntax, then a render for each sample customer. */
    public List<TemplateProblem> validate(TemplateSource source, List<MessageContext> samples) {
        List<TemplateProblem> problems = new ArrayList<>();
        parts(source).forEach((part, body) -> problems.addAll(StaticChecks.check(part, body)));
        if (!problems.isEmpty()) {
            return problems;
        }
        Compiled compiled;
        try {
            compiled = compile(source);
        } catch (TemplateRejectedException e) {
            return e.errors().stream().map(f -> new TemplateProblem(f.field(), f.line(), f.column(), f.message())).toList();
        }
        for (MessageContext sample : samples) {
            try {
                compiled.render(sample);
            } catch (TemplateRenderException e) {
                problems.add(e.problem());
                break;
            }
        }
        return problems;
    }

    /** Checks a partial before it is saved: refused constructs, then syntax as HTML and as plain text. */
    public List<TemplateProblem> validatePartial(String body) {
        List<TemplateProblem> problems = new ArrayList<>(StaticChecks.check("body", body));
        if (problems.isEmpty()) {
            parse(html, "body", body, problems);
        }
        if (problems.isEmpty()) {
            parse(text, "body", body, problems);
        }
        return problems;
    }

    public Compiled compile(TemplateSource source) {
        List<TemplateProblem> problems = new ArrayList<>();
        parts(source).forEach((part, body) -> problems.addAll(StaticChecks.check(part, body)));
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        Compiled compiled = switch (kind(source)) {
            case 'E' -> compileEmail((TemplateSource.Email) source, problems);
            case 'L' -> compileLine((TemplateSource.Line) source, problems);
            default -> compilePostal((TemplateSource.Postal) source, problems);
        };
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        return compiled;
    }

    private static char kind(TemplateSource source) {
        return source instanceof TemplateSource.Email ? 'E' : source instanceof TemplateSource.Line ? 'L' : 'P';
    }

    private Compiled compileEmail(TemplateSource.Email source, List<TemplateProblem> problems) {
        Template subject = parse(text, "subject", source.subject(), problems);
        Template body = parse(html, "html", source.html(), problems);
        Template plain = parse(text, "text", source.text(), problems);
        return context -> limits.within(() -> {
            Map<String, Object> model = MessageModel.of(context);
            String htmlPart = render(body, "html", model);
            checkEscaped(htmlPart, context);
            return new RenderedMessage.Email(render(subject, "subject", model).strip().replaceAll("[\\r\\n]+", " "),
                    htmlPart, render(plain, "text", model));
        });
    }

    private Compiled compileLine(TemplateSource.Line source, List<TemplateProblem> problems) {
        if (source.messages().isEmpty() || source.messages().size() > MAX_LINE_MESSAGES) {
            problems.add(new TemplateProblem("messages", null, null, "a LINE template has 1 to " + MAX_LINE_MESSAGES
                    + " messages"));
            return context -> null;
        }
        List<LineMessage> messages = new ArrayList<>();
        for (int i = 0; i < source.messages().size(); i++) {
            String part = "message " + (i + 1);
            String body = source.messages().get(i);
            if (body.strip().startsWith("{")) {
                messages.add(lineSkeleton(part, body, problems));
            } else {
                messages.add(new LineMessage(null, Map.of("/text", parse(text, part, body, problems))));
            }
        }
        return context -> limits.within(() -> {
            Map<String, Object> model = MessageModel.of(context);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                out.add(messages.get(i).render(this, "message " + (i + 1), model));
            }
            return new RenderedMessage.Line(out);
        });
    }

    /** A LINE message object whose string values are templates; the JSON is rebuilt by Jackson, never concatenated. */
    private record LineMessage(JsonNode skeleton, Map<String, Template> leaves) {
        String render(TemplateEngine engine, String part, Map<String, Object> model) {
            ObjectNode message = skeleton == null ? JSON.createObjectNode().put("type", "text") : skeleton.deepCopy();
            for (var leaf : leaves.entrySet()) {
                String pointer = leaf.getKey();
                int cut = pointer.lastIndexOf('/');
                JsonNode parent = cut == 0 ? message : message.at(pointer.substring(0, cut));
                String value = engine.render(leaf.getValue(), part + " " + pointer, model);
                String field = pointer.substring(cut + 1);
                if (parent instanceof ObjectNode object) {
                    object.set(field, TextNode.valueOf(value));
                } else {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(field),
                            TextNode.valueOf(value));
                }
            }
            return message.toString();
        }
    }

    private LineMessage lineSkeleton(String part, String body, List<TemplateProblem> problems) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            problems.add(new TemplateProblem(part, e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    e.getLocation() == null ? null : e.getLocation().getColumnNr(), "not JSON: " + e.getOriginalMessage()));
            return new LineMessage(null, Map.of());
        }
        if (!tree.isObject() || !tree.hasNonNull("type")) {
            problems.add(new TemplateProblem(part, null, null, "a LINE message object needs a \"type\""));
            return new LineMessage(null, Map.of());
        }
        Map<String, Template> leaves = new LinkedHashMap<>();
        collectLeaves(tree, "", part, leaves, problems);
        return new LineMessage(tree, leaves);
    }

    private void collectLeaves(JsonNode node, String pointer, String part, Map<String, Template> leaves,
            List<TemplateProblem> problems) {
        if (node.isTextual()) {
            if (node.asText().contains("${") || node.asText().contains("<#")) {
                leaves.put(pointer, parse(text, part + " " + pointer, node.asText(), problems));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                var field = it.next();
                collectLeaves(field.getValue(), pointer + "/" + field.getKey(), part, leaves, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectLeaves(node.get(i), pointer + "/" + i, part, leaves, problems);
            }
        }
    }

    private Compiled compilePostal(TemplateSource.Postal source, List<TemplateProblem> problems) {
        if (source.fields().isEmpty()) {
            problems.add(new TemplateProblem("fields", null, null, "a postal template names at least one field"));
        }
        Map<String, Template> fields = new LinkedHashMap<>();
        source.fields().forEach((name, body) -> fields.put(name, parse(text, "field " + name, body, problems)));
        return context -> limits.within(() -> {
            Map<String, Object> model = MessageModel.of(context);
            Map<String, String> out = new LinkedHashMap<>();
            fields.forEach((name, template) -> out.put(name, render(template, "field " + name, model).strip()));
            return new RenderedMessage.Postal(out);
        });
    }

    /** The template texts of a source, in part order. */
    static java.util.Collection<String> texts(TemplateSource source) {
        return parts(source).values();
    }

    private static Map<String, String> parts(TemplateSource source) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (source instanceof TemplateSource.Email e) {
            parts.put("subject", e.subject());
            parts.put("html", e.html());
            parts.put("text", e.text());
        } else if (source instanceof TemplateSource.Line l) {
            for (int i = 0; i < l.messages().size(); i++) {
                parts.put("message " + (i + 1), l.messages().get(i));
            }
        } else if (source instanceof TemplateSource.Postal p) {
            p.fields().forEach((name, body) -> parts.put("field " + name, body));
        }
        return parts;
    }

    private static Template parse(Configuration cfg, String part, String body, List<TemplateProblem> problems) {
        try {
            Template template = new Template(part, body == null ? "" : body, cfg);
            if (cfg.getOutputFormat() == HTMLOutputFormat.INSTANCE) {
                problems.addAll(escapingProblems(part, template));
            }
            _CoreAPI.addThreadInterruptedChecks(template);
            return template;
        } catch (ParseException e) {
            problems.add(new TemplateProblem(part, e.getLineNumber(), e.getColumnNumber(),
                    PlainMessages.clean(e.getEditorMessage())));
        } catch (IOException e) {
            problems.add(new TemplateProblem(part, null, null, PlainMessages.clean(e.getMessage())));
        } catch (StackOverflowError e) {
            int deepest = StaticChecks.deepestNesting(body);
            problems.add(new TemplateProblem(part, StaticChecks.line(body, deepest), StaticChecks.column(body, deepest),
                    "is nested too deeply to read"));
        } catch (NumberFormatException e) {
            int at = StaticChecks.longNumber(body);
            problems.add(new TemplateProblem(part, StaticChecks.line(body, at), StaticChecks.column(body, at),
                    "has " + e.getMessage()));
        }
        return null;
    }

    /**
     * The parsed HTML template itself, whatever its text looked like: HTML output with
     * auto-escaping, and no block inside that changes the output format or escaping.
     */
    static List<TemplateProblem> escapingProblems(String part, Template template) {
        if (template.getOutputFormat() != HTMLOutputFormat.INSTANCE || !template.getAutoEscaping()) {
            return List.of(new TemplateProblem(part, 1, 1, "must stay HTML with escaping on"));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        elements(template.getRootTreeNode()).filter(e -> e.getNodeName().equals("OutputFormatBlock")
                || e.getNodeName().equals("NoAutoEscBlock")).forEach(e -> problems.add(new TemplateProblem(part,
                        e.getBeginLine(), e.getBeginColumn(), "would switch HTML escaping off")));
        return problems;
    }

    /** Every element of a parsed template, walked without recursion (templates may nest deeply). */
    private static Stream<TemplateElement> elements(TemplateElement root) {
        List<TemplateElement> all = new ArrayList<>();
        java.util.Deque<TemplateElement> pending = new java.util.ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        while (!pending.isEmpty()) {
            TemplateElement element = pending.pop();
            all.add(element);
            for (int i = 0; i < element.getChildCount(); i++) {
                pending.push((TemplateElement) element.getChildAt(i));
            }
        }
        return all.stream();
    }

    /**
     * Defence in depth behind the checks above: customer and catalogue values with markup
     * characters must not appear as they are in the HTML part; if one does, escaping was bypassed
     * somehow and the message is not sent.
     */
    static void checkEscaped(String html, MessageContext context) {
        MessageContext.Customer c = context.customer();
        Stream<String> values = Stream.of(c.familyName(), c.givenName(), c.familyNameKana(), c.givenNameKana(),
                c.prefecture(), context.campaignName());
        values = Stream.concat(values, context.items().stream().flatMap(i -> Stream.of(i.code(), i.name(), i.category(),
                i.size(), i.color(), i.url(), i.imageUrl())));
        values = Stream.concat(values, context.blocks().stream().flatMap(b -> Stream.of(b.title(), b.body(), b.url())));
        values.filter(v -> v != null && v.chars().anyMatch(ch -> ch == '<' || ch == '>' || ch == '"' || ch == '\''))
                .filter(html::contains).findFirst().ifPresent(v -> {
                    throw new TemplateRenderException(new TemplateProblem("html", null, null,
                            "customer or catalogue data would appear unescaped in the HTML"));
                });
    }

    private String render(Template template, String part, Map<String, Object> model) {
        RenderLimits.CappedWriter out = new RenderLimits.CappedWriter(limits.maxChars());
        RenderGuard guard = new RenderGuard(MAX_RENDER_BYTES, MAX_DEPTH);
        try {
            Environment env = template.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(guard);
            env.process();
            return out.toString();
        } catch (StackOverflowError e) {
            throw new TemplateRenderException(atCurrent(part, guard, "nests too deeply (does a macro or function call "
                    + "itself?)"));
        } catch (OutOfMemoryError e) {
            throw new TemplateRenderException(atCurrent(part, guard, "needs too much memory (is a text or list growing "
                    + "in a loop?)"));
        } catch (Exception e) {
            throw new TemplateRenderException(problem(part, guard, e));
        }
    }

    private static TemplateProblem problem(String part, RenderGuard guard, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RenderGuard.LimitExceeded limit) {
                return at(part, limit.where().getTemplate().getName(), limit.where().getBeginLine(),
                        limit.where().getBeginColumn(), limit.getMessage());
            }
        }
        if (e instanceof TemplateException te) {
            return at(part, te.getTemplateSourceName(), te.getLineNumber(), te.getColumnNumber(), PlainMessages.of(te));
        }
        if (e instanceof IOException) {
            return atCurrent(part, guard, PlainMessages.clean(e.getMessage()));
        }
        boolean interrupted = Thread.currentThread().isInterrupted() || e.getClass().getSimpleName().contains("Interrupt");
        return atCurrent(part, guard, interrupted ? "took longer than the time limit"
                : "failed: " + PlainMessages.clean(e.getMessage()));
    }

    /** For limits watched from outside FreeMarker: the element the template was in when it was stopped. */
    private static TemplateProblem atCurrent(String part, RenderGuard guard, String message) {
        var where = guard.current();
        return where == null ? new TemplateProblem(part, null, null, message)
                : at(part, where.getTemplate().getName(), where.getBeginLine(), where.getBeginColumn(), message);
    }

    /**
     * A problem in the part itself carries its line and column; one inside an included partial
     * names the partial and its line in the message, so an editor never marks the wrong line of the part.
     */
    private static TemplateProblem at(String part, String templateName, Integer line, Integer column, String message) {
        if (templateName == null || templateName.equals(part)) {
            return new TemplateProblem(part, line, column, message);
        }
        return new TemplateProblem(part, null, null, "in partial \"" + templateName + "\""
                + (line == null ? "" : " line " + line + ", column " + column) + ": " + message);
    }
}
