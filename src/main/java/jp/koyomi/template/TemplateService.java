package jp.koyomi.template;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.domain.Channel;

/**
 * Template versions: validated before they are stored (refused with part, line and column),
 * compiled once and cached (versions never change), rendered for previews exactly as for sends.
 * A message template version pins the partial versions it includes when it is saved, so what an
 * approved campaign sends changes only with a new template version, hence a new approval.
 */
@ApplicationScoped
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    private static final int MAX_OUTPUT_CHARS = 500_000;

    private final TemplateStore store;
    private final Instance<SendingChecks> sendingChecks;
    /** Includes the latest partials: for previews of unsaved source and for versions saved before pinning. */
    private final TemplateEngine engine;
    private final Map<Long, TemplateEngine.Compiled> compiled = new ConcurrentHashMap<>();

    @Inject
    public TemplateService(TemplateStore store, Instance<SendingChecks> sendingChecks) {
        this.store = store;
        this.sendingChecks = sendingChecks;
        this.engine = engineWith(name -> store.latest(name, TemplateStore.PARTIAL).map(TemplateStore.Version::source));
    }

    private static TemplateEngine engineWith(PartialSource partials) {
        return new TemplateEngine(partials, TIME_LIMIT, MAX_OUTPUT_CHARS);
    }

    /** Loads the shipped templates into an empty store, so a new brand starts with working defaults. */
    void loadShipped(@Observes StartupEvent event) {
        if (!store.isEmpty()) {
            return;
        }
        ShippedTemplates.partials().forEach((name, body) -> store.add(name, TemplateStore.PARTIAL, body, "koyomi"));
        for (ShippedTemplates.Shipped shipped : ShippedTemplates.all()) {
            store.add(shipped.name(), shipped.channel().name(), TemplateStore.json(shipped.source()), "koyomi",
                    pins(shipped.source()).versions());
        }
        LOG.infof("Loaded %d shipped templates", ShippedTemplates.names().size());
    }

    public List<TemplateStore.Version> history(String name, String channel) {
        List<TemplateStore.Version> versions = store.history(name, channel.toUpperCase(Locale.ROOT));
        if (versions.isEmpty()) {
            throw new NotFoundException("template", name + "/" + channel);
        }
        return versions;
    }

    public TemplateStore.Version save(String name, String channel, JsonNode source, String user) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,99}")) {
            throw new InvalidInputException("name", "lower-case letters, digits, - and _ (e.g. winter-sale)");
        }
        String kind = channel.toUpperCase(Locale.ROOT);
        if (kind.equals(TemplateStore.PARTIAL)) {
            String body = source.path("body").asText(null);
            if (body == null || body.isBlank()) {
                throw new InvalidInputException("body", "a partial needs its template text in \"body\"");
            }
            List<TemplateProblem> problems = validatePartial(name, body);
            if (!problems.isEmpty()) {
                throw new TemplateRejectedException(problems);
            }
            return store.add(name, TemplateStore.PARTIAL, body, user);
        }
        Channel messageChannel = channelOf(kind);
        TemplateSource parsed = parse(messageChannel, source);
        Pins pins = pins(parsed);
        List<TemplateProblem> problems = checked(engineWith(pins::source), messageChannel, parsed);
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        return store.add(name, kind, TemplateStore.json(parsed), user, pins.versions());
    }

    /**
     * A partial is refused when its text is refused or does not parse, or when it would break a
     * template that includes it (the latest version of each, rendered for the sample customers with
     * this partial in place), so a broken partial is never saved and never reaches a run.
     */
    private List<TemplateProblem> validatePartial(String name, String body) {
        TemplateEngine candidate = engineWith(n -> n.equals(name) ? Optional.of(body)
                : store.latest(n, TemplateStore.PARTIAL).map(TemplateStore.Version::source));
        List<TemplateProblem> problems = new ArrayList<>(candidate.validatePartial(body));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (TemplateStore.Version v : store.latestOfEach()) {
            if (v.channel().equals(TemplateStore.PARTIAL)) {
                continue;
            }
            TemplateSource using = parse(Channel.valueOf(v.channel()), readTree(v.source()));
            if (!pins(using).versions().containsKey(name)) {
                continue;
            }
            for (TemplateProblem p : checked(candidate, Channel.valueOf(v.channel()), using)) {
                problems.add(new TemplateProblem("body", null, null, "breaks template " + v.name() + " (" + v.channel()
                        + ") " + p.part() + (p.line() == null ? "" : " line " + p.line() + ", column " + p.column())
                        + ": " + p.message()));
            }
        }
        return problems;
    }

    /** The partials a template includes, directly or through other partials: latest version and text of each. */
    private record Pins(Map<String, Long> versions, Map<String, String> sources) {
        Optional<String> source(String name) {
            return Optional.ofNullable(sources.get(name));
        }
    }

    private Pins pins(TemplateSource source) {
        Map<String, Long> versions = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>();
        TemplateEngine.texts(source).forEach(text -> pending.addAll(StaticChecks.includedPartials(text)));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (sources.containsKey(name)) {
                continue;
            }
            Optional<TemplateStore.Version> partial = store.latest(name, TemplateStore.PARTIAL);
            if (partial.isPresent()) {
                versions.put(name, partial.get().id());
                sources.put(name, partial.get().source());
                pending.addAll(StaticChecks.includedPartials(partial.get().source()));
            }
        }
        return new Pins(versions, sources);
    }

    public List<TemplateProblem> validate(String channel, JsonNode source) {
        Channel parsedChannel = channelOf(channel.toUpperCase(Locale.ROOT));
        return checked(engine, parsedChannel, parse(parsedChannel, source));
    }

    /**
     * The problems of a template: its own (refused constructs, syntax, rendering the sample customers),
     * then what the channel's sender would refuse in the messages it renders for them.
     */
    private List<TemplateProblem> checked(TemplateEngine with, Channel channel, TemplateSource source) {
        List<TemplateProblem> problems = with.validate(source, SampleContexts.all());
        if (!problems.isEmpty() || sendingChecks.isUnsatisfied()) {
            return problems;
        }
        TemplateEngine.Compiled compiled = with.compile(source);
        for (MessageContext sample : SampleContexts.all()) {
            RenderedMessage message = compiled.render(sample);
            for (SendingChecks check : sendingChecks) {
                problems = check.check(channel, message);
                if (!problems.isEmpty()) {
                    return problems;
                }
            }
        }
        return problems;
    }

    public List<TemplateStore.Version> latest() {
        return store.latestOfEach();
    }

    public TemplateStore.Version version(long id) {
        return store.version(id).orElseThrow(() -> new NotFoundException("template version", id));
    }

    /**
     * The compiled version, for runs, with the partial versions pinned when it was saved; fails
     * with the template's problems if it no longer compiles.
     */
    public TemplateEngine.Compiled compiled(long versionId) {
        return compiled.computeIfAbsent(versionId, id -> {
            TemplateStore.Version v = version(id);
            if (v.channel().equals(TemplateStore.PARTIAL)) {
                throw new InvalidInputException("templates", "version " + id + " is a partial, not a message template");
            }
            TemplateSource source = parse(Channel.valueOf(v.channel()), readTree(v.source()));
            return (v.partials() == null ? engine : engineWith(pinned(v.partials()))).compile(source);
        });
    }

    private PartialSource pinned(Map<String, Long> partials) {
        Map<String, String> sources = new TreeMap<>();
        partials.forEach((name, id) -> sources.put(name, version(id).source()));
        return name -> Optional.ofNullable(sources.get(name));
    }

    /** A preview answers what a save would: a template problem is a 400 naming part, line and column. */
    public RenderedMessage preview(long versionId, MessageContext context) {
        return renderOrRefuse(compiled(versionId), context);
    }

    public RenderedMessage previewSource(String channel, JsonNode source, MessageContext context) {
        return renderOrRefuse(engine.compile(parse(channelOf(channel.toUpperCase(Locale.ROOT)), source)), context);
    }

    private static RenderedMessage renderOrRefuse(TemplateEngine.Compiled compiled, MessageContext context) {
        try {
            return compiled.render(context);
        } catch (TemplateRenderException e) {
            throw new TemplateRejectedException(List.of(e.problem()));
        }
    }

    public Optional<Channel> channelOfVersion(long versionId) {
        return store.version(versionId).filter(v -> !v.channel().equals(TemplateStore.PARTIAL))
                .map(v -> Channel.valueOf(v.channel()));
    }

    private static Channel channelOf(String channel) {
        try {
            return Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "'" + channel + "' must be EMAIL, LINE, POSTAL or PARTIAL");
        }
    }

    static TemplateSource parse(Channel channel, JsonNode source) {
        Class<? extends TemplateSource> type = switch (channel) {
            case EMAIL -> TemplateSource.Email.class;
            case LINE -> TemplateSource.Line.class;
            case POSTAL -> TemplateSource.Postal.class;
        };
        try {
            return JSON.treeToValue(source, type);
        } catch (Exception e) {
            throw new InvalidInputException("source", "not a " + channel + " template source: "
                    + (channel == Channel.EMAIL ? "{\"subject\", \"html\", \"text\"}"
                            : channel == Channel.LINE ? "{\"messages\": [...]}" : "{\"fields\": {\"name\": \"template\"}}"));
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored template source is not JSON", e);
        }
    }
}
