package jp.koyomi.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.campaign.CampaignDefinition;
import jp.koyomi.campaign.CampaignService;
import jp.koyomi.template.TemplateStore;

/**
 * The demo brand's four campaigns, as DRAFTs on the shipped templates: ready for a dry run at once,
 * and for sending once an admin approves them.
 */
@ApplicationScoped
public class DemoCampaigns {

    private static final String CHANNELS = "\"fallback\":[\"LINE\",\"EMAIL\",\"POSTAL\"],\"holdout_percent\":5";

    /** Campaign name → template name, cadence and rules, in the order they get their ids. */
    private static final Map<String, String[]> CAMPAIGNS = new LinkedHashMap<>();

    static {
        CAMPAIGNS.put("週刊ニュースレター", new String[] { "weekly-newsletter",
                    "{\"type\":\"WEEKLY\",\"days\":[\"FRIDAY\"],\"at\":\"10:00\"}",
                    "{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\",\"arrived_within_days\":30,\"top_categories\":3},"
                            + "{\"type\":\"MARKDOWN\",\"overstock_above\":20}],\"in_season\":true,"
                            + "\"match_customer_climate\":true,\"not_offered_within_days\":30,\"min_items\":0,\"max_items\":4},"
                            + "\"blocks\":{\"topics\":{\"blocks\":[{\"topic\":\"styling\",\"key\":\"winter-layering\","
                            + "\"title\":\"冬の重ね着\",\"url\":\"https://shop.koyomi-apparel.example/s/layering\"},"
                            + "{\"topic\":\"care-guides\",\"key\":\"wool-care\",\"title\":\"ウールのお手入れ\","
                            + "\"url\":\"https://shop.koyomi-apparel.example/s/wool\"}]}}}" });
        CAMPAIGNS.put("月次ポイントのお知らせ", new String[] { "monthly-points",
                    "{\"type\":\"MONTHLY\",\"day\":1,\"at\":\"10:00\"}",
                    "{\"items\":{\"min_items\":0,\"max_items\":2,\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]},"
                            + "\"blocks\":{\"points\":{\"min_points\":500,\"expiring_within_days\":30,\"required\":true,"
                            + "\"key\":\"points\",\"title\":\"ポイントの有効期限が近づいています\"}}}" });
        CAMPAIGNS.put("冬物コート 寒冷地セール", new String[] { "seasonal-markdown",
                    "{\"type\":\"SEASONAL\",\"from\":\"--11-15\",\"to\":\"--03-15\",\"every\":{\"type\":\"WEEKLY\","
                            + "\"days\":[\"MONDAY\"],\"at\":\"10:00\"}}",
                    "{\"window\":{\"from\":\"11-15\",\"to\":\"03-15\"},\"audience\":{\"climate_zones\":[\"COLD\"]},"
                            + "\"items\":{\"sources\":[{\"type\":\"MARKDOWN\",\"overstock_above\":20}],"
                            + "\"categories\":[\"coats\"],\"climates\":[\"COLD\"],\"min_stock\":2,"
                            + "\"not_offered_within_days\":30,\"min_items\":1,\"max_items\":4}}" });
        CAMPAIGNS.put("販売終了のお知らせ（ジーンズ）", new String[] { "last-chance",
                    "{\"type\":\"WEEKLY\",\"days\":[\"THURSDAY\"],\"at\":\"12:00\"}",
                    "{\"items\":{\"sources\":[{\"type\":\"LAST_CHANCE\",\"bought_scope\":\"STYLE\"}],"
                            + "\"categories\":[\"jeans\"],\"min_stock\":1,\"not_offered_within_days\":14,\"min_items\":1,"
                            + "\"max_items\":3}}" });
    }

    @Inject
    CampaignService campaigns;

    @Inject
    TemplateStore templates;

    @Inject
    ObjectMapper json;

    public void create() {
        CAMPAIGNS.forEach((name, spec) -> campaigns.create(name, definition(spec), "demo"));
    }

    private CampaignDefinition definition(String[] spec) {
        StringBuilder ids = new StringBuilder();
        for (String channel : new String[] { "EMAIL", "LINE", "POSTAL" }) {
            long id = templates.latest(spec[0], channel).orElseThrow().id();
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(channel).append("\":").append(id);
        }
        String definition = "{\"cadence\":" + spec[1] + ",\"rules\":" + spec[2] + ",\"templates\":{" + ids + "},"
                + CHANNELS + "}";
        try {
            return json.readValue(definition, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo campaign definition is broken", e);
        }
    }
}
