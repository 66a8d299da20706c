package jp.koyomi.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.koyomi.domain.Channel;

/**
 * A campaign's own frequency cap, next to the global one ({@code koyomi.runs.cap.*}) and counted in
 * the same window: the run applies whichever is stricter, so a campaign can only be more careful.
 *
 * @param max        at most this many marketing messages per customer in the window, this one included
 * @param perChannel the same per channel
 */
@Schema(name = "CampaignCap", description = "The campaign's own frequency cap, counted in the global cap window (koyomi.runs.cap.window); the stricter of it and the global cap applies.")
public record CampaignCap(@Schema(minimum = "0", description = "Marketing messages per customer in the window, on all channels", examples = "1") Integer max,
        @Schema(description = "The same per channel", examples = "{\"POSTAL\": 1}") Map<Channel, Integer> perChannel) {

    public CampaignCap {
        perChannel = perChannel == null ? Map.of() : Map.copyOf(perChannel);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (max != null && max < 0) {
            problems.add("frequency_cap.max: must be >= 0, was " + max);
        }
        perChannel.forEach((channel, limit) -> {
            if (limit == null || limit < 0) {
                problems.add("frequency_cap.per_channel." + channel + ": must be >= 0, was " + limit);
            }
        });
        return problems;
    }
}
