package jp.koyomi.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.delivery.Offer;
import jp.koyomi.domain.Channel;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.region.Prefecture;
import jp.koyomi.region.PrefectureDirectory;
import jp.koyomi.relevance.CategoryHistory;
import jp.koyomi.relevance.ChannelAccess;
import jp.koyomi.relevance.ChannelChoice;
import jp.koyomi.relevance.ChannelDecision;
import jp.koyomi.relevance.CompiledRules;
import jp.koyomi.relevance.ContentBlock;
import jp.koyomi.relevance.CustomerProfile;
import jp.koyomi.relevance.Decision;
import jp.koyomi.relevance.FrequencyCap;
import jp.koyomi.relevance.MessageCounts;
import jp.koyomi.relevance.OfferRecord;
import jp.koyomi.relevance.OfferedItem;
import jp.koyomi.relevance.StyleHistory;
import jp.koyomi.template.MessageContext;
import jp.koyomi.template.TemplateEngine;
import jp.koyomi.template.TemplateRenderException;

/**
 * One campaign run's decisions, customer by customer: holdout, relevance, frequency cap, channel
 * choice, render. Built once per run with everything compiled; {@link #decide} touches only the
 * customer's own data.
 */
final class CampaignPipeline implements RunPipeline {

    /**
     * Everything a run compiles once. {@code explained}: whether outcomes carry the relevance
     * engine's explanation (dry runs and "explain" show it; a real run stores none, and building it
     * for every customer cost about a sixth of the run's CPU).
     */
    record Setup(boolean explained, long campaignId, String campaignName, int holdoutPercent, CompiledRules rules,
            CatalogLoader.Loaded catalog, ChannelChoice channels, FrequencyCap cap,
            Map<Channel, TemplateEngine.Compiled> templates, LocalDate runDate, MessageContext.Sender sender,
            UnsubscribeUrls unsubscribe, PrefectureDirectory prefectures, Duration deliveryExpiry) {
    }

    @FunctionalInterface
    interface UnsubscribeUrls {
        String of(long customerId, Channel channel);
    }

    private final Setup setup;

    CampaignPipeline(Setup setup) {
        this.setup = setup;
    }

    @Override
    public RunOutcome decide(AudienceMember member) {
        Decision decision = setup.rules().decide(profile(member));
        if (!decision.isOffer()) {
            return RunOutcome.skip(member.id(), decision.skipReason().name(),
                    setup.explained() ? decision.explanation() : List.of());
        }
        List<String> why = setup.explained() ? new ArrayList<>(decision.explanation()) : new ArrayList<>(2);
        MessageCounts counts = new MessageCounts(member.recentMessageCount(), member.recentMessages());
        var capCheck = setup.cap().check(counts);
        if (!capCheck.allowed()) {
            why.add(capCheck.explanation());
            return RunOutcome.skip(member.id(), capCheck.skipReason().name(), why);
        }
        ChannelDecision channel = setup.channels().choose(access(member), member.preferredChannel(),
                setup.cap().cappedChannels(counts));
        why.add(channel.explanation());
        if (!channel.isChosen()) {
            return RunOutcome.skip(member.id(), channel.skipReason().name(), why);
        }
        // Held back only among those who would get it, so they compare like for like in attribution.
        if (inHoldout(member.id())) {
            return RunOutcome.holdout(member.id());
        }
        TemplateEngine.Compiled template = setup.templates().get(channel.channel());
        if (template == null) {
            why.add("the campaign has no " + channel.channel() + " template");
            return RunOutcome.skip(member.id(), "NO_TEMPLATE", why);
        }
        try {
            var message = template.render(context(member, decision, channel.channel()));
            List<Long> styles = decision.items().stream().map(i -> setup.catalog().idByCode().get(i.styleCode())).toList();
            // The SKUs shown, so the outbox can check at send time that the offer still holds.
            Offer offer = new Offer(decision.items().stream().map(i -> i.variant().sku()).toList(),
                    setup.rules().minStock());
            return RunOutcome.deliver(member.id(), channel.channel(), message, styles, why, offer, setup.deliveryExpiry());
        } catch (TemplateRenderException e) {
            why.add("the " + channel.channel() + " template failed: " + e.getMessage());
            return RunOutcome.skip(member.id(), "TEMPLATE_ERROR", why);
        }
    }

    /** A stable share of customers per campaign, so the same people are held back run after run. */
    private boolean inHoldout(long customerId) {
        if (setup.holdoutPercent() <= 0) {
            return false;
        }
        long mixed = (customerId * 0x9E3779B97F4A7C15L) ^ (setup.campaignId() * 0xC2B2AE3D27D4EB4FL);
        return Math.floorMod(mixed ^ (mixed >>> 29), 100) < setup.holdoutPercent();
    }

    private CustomerProfile profile(AudienceMember m) {
        Prefecture prefecture = m.prefectureCode() == null ? null : setup.prefectures().byCode(m.prefectureCode()).orElse(null);
        Map<String, CategoryHistory> categories = new HashMap<>();
        m.categories().forEach((category, p) -> categories.put(category,
                new CategoryHistory(category, p.size(), p.count(), p.last())));
        Map<String, StyleHistory> styles = new HashMap<>();
        m.styles().forEach((id, p) -> {
            String code = setup.catalog().codeById().get(id);
            if (code != null) {
                styles.put(code, new StyleHistory(code, p.count(), p.last(), p.lastSize()));
            }
        });
        List<OfferRecord> offers = new ArrayList<>();
        for (AudienceMember.PastOffer o : m.recentOffers()) {
            String code = setup.catalog().codeById().get(o.styleId());
            if (code != null) {
                offers.add(new OfferRecord(code, o.campaignId(), o.channel(), o.at()));
            }
        }
        return new CustomerProfile(m.id(), m.externalId(), prefecture == null ? 0 : prefecture.code(),
                prefecture == null ? ClimateZone.TEMPERATE : prefecture.climateZone(),
                prefecture == null ? null : prefecture.region(), Set.copyOf(m.topics()), m.points(), m.pointsExpireOn(),
                categories, styles, offers, access(m), m.preferredChannel());
    }

    private static ChannelAccess access(AudienceMember m) {
        return new ChannelAccess(m.consents().contains(Channel.EMAIL), m.reachableOn(Channel.EMAIL),
                m.consents().contains(Channel.LINE), m.reachableOn(Channel.LINE), m.consents().contains(Channel.POSTAL),
                m.reachableOn(Channel.POSTAL));
    }

    private MessageContext context(AudienceMember m, Decision decision, Channel channel) {
        String prefecture = m.prefectureCode() == null ? null
                : setup.prefectures().byCode(m.prefectureCode()).map(Prefecture::nameJa).orElse(null);
        List<MessageContext.Item> items = new ArrayList<>();
        for (OfferedItem i : decision.items()) {
            items.add(new MessageContext.Item(i.styleCode(), i.style().name(), i.style().category(),
                    i.variant().isOneSize() ? null : i.variant().size(), i.variant().colour(), i.priceYen(),
                    i.isMarkedDown() ? i.salePriceYen() : null, i.style().url(), i.style().imageUrl()));
        }
        List<MessageContext.Block> blocks = new ArrayList<>();
        for (ContentBlock b : decision.blocks()) {
            blocks.add(new MessageContext.Block(b.type().name(), b.title(), null, b.url()));
        }
        return new MessageContext(new MessageContext.Customer(m.familyName(), m.givenName(), m.familyNameKana(),
                m.givenNameKana(), prefecture, m.points(), m.pointsExpireOn()), items, blocks, setup.campaignName(),
                setup.runDate(), setup.unsubscribe().of(m.id(), channel), setup.sender());
    }
}
