package jp.koyomi.template;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * Compiles template versions once and renders them per customer, exactly as a send produces them.
 * Thread-safe: compiled templates are shared by all the threads of a run.
 */
public final class TemplateEngine {

    public static final int MAX_SOURCE_CHARS = 100_000;
    public static final int MAX_LINE_MESSAGES = 5;
    /** Built-ins that evaluate strings as templates or reach Java, refused before anything runs. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\?\\s*(eval|eval_json|interpret|new|api)\\b|<#\\s*(noautoesc|noAutoEsc)|\\?\\s*no_esc\\b");
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
        parts(source).forEach((part, body) -> staticChecks(part, body, problems));
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

    public Compiled compile(TemplateSource source) {
        List<TemplateProblem> problems = new ArrayList<>();
        parts(source).forEach((part, body) -> staticChecks(part, body, problems));
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
        return context -> {
            Map<String, Object> model = MessageModel.of(context);
            return new RenderedMessage.Email(render(subject, "subject", model).strip().replaceAll("[\\r\\n]+", " "),
                    render(body, "html", model), render(plain, "text", model));
        };
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
        return context -> {
            Map<String, Object> model = MessageModel.of(context);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                out.add(messages.get(i).render(this, "message " + (i + 1), model));
            }
            return new RenderedMessage.Line(out);
        };
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
        return context -> {
            Map<String, Object> model = MessageModel.of(context);
            Map<String, String> out = new LinkedHashMap<>();
            fields.forEach((name, template) -> out.put(name, render(template, "field " + name, model).strip()));
            return new RenderedMessage.Postal(out);
        };
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

    private static void staticChecks(String part, String body, List<TemplateProblem> problems) {
        if (body == null || body.isBlank()) {
            problems.add(new TemplateProblem(part, null, null, "is empty"));
            return;
        }
        if (body.length() > MAX_SOURCE_CHARS) {
            problems.add(new TemplateProblem(part, null, null, "longer than " + MAX_SOURCE_CHARS + " characters"));
        }
        Matcher m = FORBIDDEN.matcher(body);
        if (m.find()) {
            int line = 1 + (int) body.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            int column = m.start() - body.lastIndexOf('\n', m.start() - 1);
            problems.add(new TemplateProblem(part, line, column, "'" + m.group().strip()
                    + "' is not allowed in Koyomi templates"));
        }
    }

    private static Template parse(Configuration cfg, String part, String body, List<TemplateProblem> problems) {
        try {
            Template template = new Template(part, body == null ? "" : body, cfg);
            _CoreAPI.addThreadInterruptedChecks(template);
            return template;
        } catch (ParseException e) {
            problems.add(new TemplateProblem(part, e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage()));
        } catch (IOException e) {
            problems.add(new TemplateProblem(part, null, null, e.getMessage()));
        }
        return null;
    }

    private String render(Template template, String part, Map<String, Object> model) {
        RenderLimits.CappedWriter out = new RenderLimits.CappedWriter(limits.maxChars());
        try {
            limits.within(() -> {
                template.process(model, out);
                return null;
            });
            return out.toString();
        } catch (TemplateException e) {
            throw new TemplateRenderException(new TemplateProblem(part, e.getLineNumber(), e.getColumnNumber(),
                    e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new TemplateRenderException(new TemplateProblem(part, null, null, e.getMessage()));
        } catch (Exception e) {
            String why = Thread.currentThread().isInterrupted() || e.getClass().getSimpleName().contains("Interrupt")
                    ? "took longer than the time limit" : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new TemplateRenderException(new TemplateProblem(part, null, null, why));
        }
    }
}
