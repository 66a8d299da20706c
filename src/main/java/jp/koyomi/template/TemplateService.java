package jp.koyomi.template;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 */
@ApplicationScoped
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateStore store;
    private final TemplateEngine engine;
    private final Map<Long, TemplateEngine.Compiled> compiled = new ConcurrentHashMap<>();

    @Inject
    public TemplateService(TemplateStore store) {
        this.store = store;
        this.engine = new TemplateEngine(name -> store.latest(name, TemplateStore.PARTIAL).map(TemplateStore.Version::source),
                Duration.ofSeconds(2), 500_000);
    }

    /** Loads the shipped templates into an empty store, so a new brand starts with working defaults. */
    void loadShipped(@Observes StartupEvent event) {
        if (!store.isEmpty()) {
            return;
        }
        ShippedTemplates.partials().forEach((name, body) -> store.add(name, TemplateStore.PARTIAL, body, "koyomi"));
        for (ShippedTemplates.Shipped shipped : ShippedTemplates.all()) {
            store.add(shipped.name(), shipped.channel().name(), TemplateStore.json(shipped.source()), "koyomi");
        }
        LOG.infof("Loaded %d shipped templates", ShippedTemplates.names().size());
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
            return store.add(name, TemplateStore.PARTIAL, body, user);
        }
        TemplateSource parsed = parse(channelOf(kind), source);
        List<TemplateProblem> problems = engine.validate(parsed, SampleContexts.all());
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        return store.add(name, kind, TemplateStore.json(parsed), user);
    }

    public List<TemplateProblem> validate(String channel, JsonNode source) {
        return engine.validate(parse(channelOf(channel.toUpperCase(Locale.ROOT)), source), SampleContexts.all());
    }

    public List<TemplateStore.Version> latest() {
        return store.latestOfEach();
    }

    public TemplateStore.Version version(long id) {
        return store.version(id).orElseThrow(() -> new NotFoundException("template version", id));
    }

    /** The compiled version, for runs; fails with the template's problems if it no longer compiles. */
    public TemplateEngine.Compiled compiled(long versionId) {
        return compiled.computeIfAbsent(versionId, id -> {
            TemplateStore.Version v = version(id);
            if (v.channel().equals(TemplateStore.PARTIAL)) {
                throw new InvalidInputException("templates", "version " + id + " is a partial, not a message template");
            }
            return engine.compile(parse(Channel.valueOf(v.channel()), readTree(v.source())));
        });
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

    /** A preview context for a date: the sample customer, unless the caller brings a real one. */
    public static MessageContext sampleFor(LocalDate date) {
        MessageContext s = SampleContexts.full();
        return new MessageContext(s.customer(), s.items(), s.blocks(), s.campaignName(), date, s.unsubscribeUrl(),
                s.sender());
    }
}
