package jp.koyomi.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.domain.Channel;
import jp.koyomi.relevance.ContentRules;

/**
 * What a marketer defines and an admin approves: when the campaign runs, what it says (the
 * relevance rules, as JSON), on which channels in which order, with which template versions, and
 * the share of the audience held back to measure the campaign against.
 *
 * @param fallback        channels tried in this order after the customer's own preference
 * @param templates       template version id per channel
 * @param holdoutPercent  0–50: customers recorded but sent nothing, for attribution
 * @param frequencyCap    the campaign's own, stricter cap; null for the global one alone
 */
@Schema(name = "CampaignDefinition", requiredProperties = { "cadence", "fallback", "templates" })
public record CampaignDefinition(Cadence cadence,
        @Schema(implementation = ContentRules.class, description = "Audience and content rules, as docs/relevance.md describes them") JsonNode rules,
        @Schema(minItems = 1, uniqueItems = true, description = "Channels tried in this order after the customer's own preference", examples = "[\"LINE\", \"EMAIL\", \"POSTAL\"]") List<Channel> fallback,
        @Schema(description = "Template version id per channel; every fallback channel needs one", examples = "{\"EMAIL\": 1, \"LINE\": 2}") Map<Channel, Long> templates,
        @Schema(minimum = "0", maximum = "50", defaultValue = "0", description = "Share of the audience held back (recorded, sent nothing) to measure the campaign against") int holdoutPercent,
        CampaignCap frequencyCap) {

    public CampaignDefinition {
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /** What is wrong, as "field: reason" messages; empty when the definition can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (cadence == null) {
            problems.add("cadence: required (WEEKLY, MONTHLY, SEASONAL or CRON)");
        } else {
            cadence.problems().forEach(p -> problems.add("cadence." + p));
        }
        if (fallback.isEmpty()) {
            problems.add("fallback: name at least one channel, e.g. [\"LINE\", \"EMAIL\", \"POSTAL\"]");
        }
        if (fallback.stream().distinct().count() != fallback.size()) {
            problems.add("fallback: a channel is named twice");
        }
        for (Channel channel : fallback) {
            if (!templates.containsKey(channel)) {
                problems.add("templates." + channel + ": the campaign may send on " + channel
                        + " but names no template version for it");
            }
        }
        if (holdoutPercent < 0 || holdoutPercent > 50) {
            problems.add("holdout_percent: between 0 and 50");
        }
        if (frequencyCap != null) {
            problems.addAll(frequencyCap.problems());
        }
        return problems;
    }
}
