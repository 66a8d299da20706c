package jp.koyomi.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.koyomi.domain.Channel;

/**
 * Picks the channel for one customer of a campaign: the customer's preferred channel when the
 * campaign uses it and it is usable (consented and with an address), otherwise the first usable
 * channel in the campaign's fallback order. A channel whose frequency cap is reached is passed
 * over like an unusable one. Pure: build once per campaign run, call from any thread.
 */
public final class ChannelChoice {

    private final List<Channel> fallbackOrder;
    private final String orderText;

    /** @param fallbackOrder the campaign's channels in the order to try them, e.g. LINE, EMAIL, POSTAL */
    public ChannelChoice(List<Channel> fallbackOrder) {
        if (fallbackOrder == null || fallbackOrder.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one channel in its fallback order");
        }
        if (fallbackOrder.stream().distinct().count() != fallbackOrder.size()) {
            throw new IllegalArgumentException("a channel appears twice in the fallback order " + fallbackOrder);
        }
        this.fallbackOrder = List.copyOf(fallbackOrder);
        this.orderText = this.fallbackOrder.stream().map(Channel::name).collect(Collectors.joining(" → "));
    }

    public ChannelDecision choose(ChannelAccess access, Channel preferred) {
        return choose(access, preferred, Set.of());
    }

    /**
     * @param capped channels whose own frequency cap is reached (see {@link FrequencyCap#cappedChannels})
     */
    public ChannelDecision choose(ChannelAccess access, Channel preferred, Set<Channel> capped) {
        Objects.requireNonNull(access, "access");
        if (preferred != null && fallbackOrder.contains(preferred) && access.usable(preferred)
                && !capped.contains(preferred)) {
            return new ChannelDecision(preferred, null, preferred + ": the customer's preferred channel");
        }
        for (Channel channel : fallbackOrder) {
            if (access.usable(channel) && !capped.contains(channel)) {
                return new ChannelDecision(channel, null, channel + ": " + whyNotPreferred(access, preferred, capped)
                        + "first usable in " + orderText);
            }
        }
        boolean anyUsable = fallbackOrder.stream().anyMatch(access::usable);
        return new ChannelDecision(null, anyUsable ? SkipReason.CAPPED : SkipReason.NO_CONSENTED_CHANNEL,
                "no channel: " + problems(access, capped));
    }

    private String whyNotPreferred(ChannelAccess access, Channel preferred, Set<Channel> capped) {
        if (preferred == null) {
            return "";
        }
        if (!fallbackOrder.contains(preferred)) {
            return "preferred " + preferred + " not used by this campaign; ";
        }
        return "preferred " + problem(access, preferred, capped) + "; ";
    }

    private String problems(ChannelAccess access, Set<Channel> capped) {
        List<String> each = new ArrayList<>();
        for (Channel channel : fallbackOrder) {
            each.add(problem(access, channel, capped));
        }
        return String.join(", ", each);
    }

    private static String problem(ChannelAccess access, Channel channel, Set<Channel> capped) {
        if (!access.consented(channel)) {
            return channel + " not consented";
        }
        if (!access.addressable(channel)) {
            return channel + switch (channel) {
                case EMAIL -> " without an email address";
                case LINE -> " without a LINE user id";
                case POSTAL -> " with an incomplete postal address";
            };
        }
        return capped.contains(channel) ? channel + " capped" : channel + " usable";
    }
}
