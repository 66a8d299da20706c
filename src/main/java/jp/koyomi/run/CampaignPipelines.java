package jp.koyomi.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.campaign.CampaignDefinition;
import jp.koyomi.campaign.CampaignService;
import jp.koyomi.delivery.OutboxConfig;
import jp.koyomi.domain.Channel;
import jp.koyomi.link.SignedLinks;
import jp.koyomi.region.PrefectureDirectory;
import jp.koyomi.relevance.ChannelChoice;
import jp.koyomi.relevance.CompiledRules;
import jp.koyomi.relevance.ContentRules;
import jp.koyomi.relevance.FrequencyCap;
import jp.koyomi.relevance.RulesJson;
import jp.koyomi.relevance.RunContext;
import jp.koyomi.settings.EffectiveSettings;
import jp.koyomi.settings.SettingsService;
import jp.koyomi.template.MessageContext;
import jp.koyomi.template.TemplateEngine;
import jp.koyomi.template.TemplateService;

/** Builds a campaign's pipeline for one run: the catalog snapshot, compiled rules and templates, the cap. */
@ApplicationScoped
public class CampaignPipelines {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CampaignService campaigns;

    @Inject
    TemplateService templates;

    @Inject
    PrefectureDirectory prefectures;

    @Inject
    SignedLinks links;

    @Inject
    SettingsService settings;

    @Inject
    RunConfig config;

    @Inject
    OutboxConfig outbox;

    /** The pipeline of a dry run or "explain": every outcome says why. */
    public RunPipeline forCampaign(long campaignId, Instant runAt) {
        return build(campaignId, runAt, true);
    }

    /** The pipeline of a real run: outcomes without the explanation nobody reads. */
    public RunPipeline forRun(long campaignId, Instant runAt) {
        return build(campaignId, runAt, false);
    }

    private RunPipeline build(long campaignId, Instant runAt, boolean explained) {
        CampaignService.Loaded campaign = campaigns.load(campaignId);
        CampaignDefinition definition = campaign.definition();
        CatalogLoader.Loaded catalog;
        try (Connection c = dataSource.getConnection()) {
            catalog = CatalogLoader.load(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog", e);
        }
        ContentRules rules = definition.rules() == null ? RulesJson.parse("{}") : RulesJson.parse(definition.rules());
        RunContext context = new RunContext(runAt, definition.cadence().zone(), campaignId);
        Map<Channel, TemplateEngine.Compiled> compiled = new EnumMap<>(Channel.class);
        definition.templates().forEach((channel, version) -> compiled.put(channel, templates.compiled(version)));
        EffectiveSettings current = settings.current();
        return new CampaignPipeline(new CampaignPipeline.Setup(explained, campaignId, campaign.name(), definition.holdoutPercent(),
                CompiledRules.compile(rules, catalog.snapshot(), context), catalog, new ChannelChoice(definition.fallback()),
                cap(definition, current),
                compiled, context.runDate(),
                sender(current),
                (customer, channel) -> links.unsubscribeUrl(customer, channel).toString(), prefectures,
                definition.deliveryExpiry() != null ? definition.deliveryExpiry() : outbox.expiry()));
    }

    /** The sender as templates show it ({@code sender.brand}, ...), from the settings in force: for runs and previews alike. */
    public MessageContext.Sender sender() {
        return sender(settings.current());
    }

    private static MessageContext.Sender sender(EffectiveSettings current) {
        return new MessageContext.Sender(current.fromName(), current.postalAddress(), current.contact());
    }

    /** The global cap in force, made stricter by the campaign's own where it has one. */
    private FrequencyCap cap(CampaignDefinition definition, EffectiveSettings current) {
        FrequencyCap global = new FrequencyCap(current.capWindow(), current.capMax(), config.cap().perChannel());
        return definition.frequencyCap() == null ? global
                : global.tightenedTo(definition.frequencyCap().max(), definition.frequencyCap().perChannel());
    }
}
