package jp.koyomi.campaign;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.common.ConflictException;
import jp.koyomi.common.FieldError;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.template.TemplateStore;

/**
 * Campaigns and their approval. A change of the definition withdraws the approval: an admin must
 * approve again before the campaign sends.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

    static final int UPCOMING = 5;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TemplateStore templates;

    public CampaignView create(String name, CampaignDefinition definition, String owner) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "1 to 200 characters");
        }
        validate(definition);
        if (!em.createQuery("FROM Campaign WHERE name = :n", Campaign.class).setParameter("n", name).getResultList()
                .isEmpty()) {
            throw new ConflictException("a campaign named " + name + " exists already");
        }
        Campaign c = new Campaign();
        c.name = name;
        c.status = CampaignStatus.DRAFT;
        c.definition = write(definition);
        c.revision = 1;
        c.owner = owner;
        c.createdAt = now();
        c.updatedAt = c.createdAt;
        em.persist(c);
        return view(c);
    }

    public CampaignView update(long id, CampaignDefinition definition) {
        validate(definition);
        Campaign c = find(id);
        if (c.status == CampaignStatus.ARCHIVED) {
            throw new ConflictException("campaign " + id + " is archived");
        }
        c.definition = write(definition);
        c.revision++;
        c.updatedAt = now();
        return view(c);
    }

    public CampaignView approve(long id, int revision, String admin) {
        Campaign c = find(id);
        if (revision != c.revision) {
            throw new ConflictException("campaign " + id + " is at revision " + c.revision + ", not " + revision
                    + ": review the current definition before approving it");
        }
        c.approvedRevision = c.revision;
        c.approvedBy = admin;
        c.approvedAt = now();
        return view(c);
    }

    public CampaignView changeStatus(long id, CampaignStatus status) {
        Campaign c = find(id);
        if (status == CampaignStatus.ACTIVE && !c.approved()) {
            throw new ConflictException("campaign " + id + " revision " + c.revision
                    + " is not approved; an admin must approve it before it can send");
        }
        c.status = status;
        c.updatedAt = now();
        return view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(long id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignView> list() {
        return em.createQuery("FROM Campaign ORDER BY id", Campaign.class).getResultList().stream().map(this::view).toList();
    }

    /** A campaign's name and definition, for the run pipeline. */
    public record Loaded(long id, String name, CampaignDefinition definition) {
    }

    public Loaded load(long id) {
        Campaign c = find(id);
        return new Loaded(c.id, c.name, definitionOf(c));
    }

    /**
     * Why a run of this campaign made at {@code revision} must not send now, or empty when it may:
     * the campaign must still be at that revision, approved, and not archived.
     */
    public Optional<String> whyNotSendable(long id, int revision) {
        Campaign c = find(id);
        if (c.revision != revision) {
            return Optional.of("campaign " + id + " changed since this run was planned (revision " + revision
                    + ", now " + c.revision + "); approve the new revision and run again");
        }
        if (!c.approved()) {
            return Optional.of("campaign " + id + " revision " + revision + " is not approved");
        }
        return c.status == CampaignStatus.ARCHIVED ? Optional.of("campaign " + id + " is archived")
                : Optional.empty();
    }

    CampaignDefinition definitionOf(Campaign c) {
        try {
            return json.readValue(c.definition, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + c.id + " has an unreadable definition", e);
        }
    }

    private Campaign find(long id) {
        Campaign c = em.find(Campaign.class, id);
        if (c == null) {
            throw new NotFoundException("campaign", id);
        }
        return c;
    }

    private void validate(CampaignDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", "required");
        }
        List<String> problems = new java.util.ArrayList<>(definition.problems());
        if (definition.rules() != null) {
            try {
                jp.koyomi.relevance.RulesJson.parse(definition.rules());
            } catch (jp.koyomi.relevance.InvalidRulesException e) {
                e.problems().forEach(p -> problems.add("rules: " + p));
            }
        }
        definition.templates().forEach((channel, id) -> templateProblem(channel.name(), id).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the campaign definition is incomplete", problems.stream()
                    .map(p -> FieldError.ofField(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)))
                    .toList());
        }
    }

    /** A campaign names a message template of its channel; a partial or another channel's template fails at send. */
    private Optional<String> templateProblem(String channel, Long id) {
        String field = "templates." + channel + ": ";
        if (id == null) {
            return Optional.of(field + "names no template version");
        }
        Optional<TemplateStore.Version> version = templates.version(id);
        if (version.isEmpty()) {
            return Optional.of(field + "template version " + id + " does not exist");
        }
        TemplateStore.Version v = version.get();
        if (v.channel().equals(channel)) {
            return Optional.empty();
        }
        String kind = v.channel().equals(TemplateStore.PARTIAL) ? "a partial" : "for " + v.channel();
        return Optional.of(field + "template version " + id + " (" + v.name() + ") is " + kind + "; " + channel
                + " needs a " + channel + " template");
    }

    private String write(CampaignDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CampaignView view(Campaign c) {
        CampaignDefinition d = definitionOf(c);
        return new CampaignView(c.id, c.name, c.status, d, c.revision, c.approved(), c.approvedBy, c.approvedAt, c.owner,
                d.cadence().upcoming(clock.instant(), UPCOMING), c.createdAt, c.updatedAt);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
