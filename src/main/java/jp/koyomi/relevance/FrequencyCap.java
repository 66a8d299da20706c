package jp.koyomi.relevance;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jp.koyomi.domain.Channel;

/**
 * How many marketing messages one customer may get in a rolling window, across all campaigns:
 * overall and per channel. Pure; the caller counts the sent and pending messages.
 *
 * @param window        the rolling window back from the run, e.g. 7 days or 12 hours
 * @param maxOverall    at most this many on all channels together; null for no overall cap
 * @param maxPerChannel at most this many on a channel; a missing channel has no cap of its own
 */
public record FrequencyCap(Duration window, Integer maxOverall, Map<Channel, Integer> maxPerChannel) {

    public FrequencyCap {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("frequency cap window must be positive, was " + window);
        }
        if (maxOverall != null && maxOverall < 0) {
            throw new IllegalArgumentException("overall cap must be >= 0, was " + maxOverall);
        }
        maxPerChannel = maxPerChannel == null ? Map.of() : Map.copyOf(maxPerChannel);
        maxPerChannel.forEach((channel, max) -> {
            if (max < 0) {
                throw new IllegalArgumentException(channel + " cap must be >= 0, was " + max);
            }
        });
    }

    /**
     * This cap made stricter by a campaign's own limits in the same window: the lower of each
     * pair applies; a null or missing limit leaves this one as it is.
     */
    public FrequencyCap tightenedTo(Integer max, Map<Channel, Integer> perChannel) {
        Integer overall = max == null ? maxOverall : maxOverall == null ? max : Math.min(max, maxOverall);
        Map<Channel, Integer> channels = new java.util.EnumMap<>(Channel.class);
        channels.putAll(maxPerChannel);
        if (perChannel != null) {
            perChannel.forEach((channel, limit) -> channels.merge(channel, limit, Math::min));
        }
        return new FrequencyCap(window, overall, channels);
    }

    /** Count messages sent or queued from this instant on. */
    public Instant windowStart(Instant runAt) {
        return runAt.minus(window);
    }

    /** Whether one more message may go to the customer on any channel. */
    public CapCheck check(MessageCounts counts) {
        if (maxOverall != null && counts.overall() >= maxOverall) {
            return new CapCheck(false, "capped: " + counts.overall() + " marketing messages in the last " + span()
                    + ", at most " + maxOverall);
        }
        return new CapCheck(true, "under the cap: " + counts.overall() + " marketing messages in the last "
                + span() + (maxOverall == null ? "" : ", at most " + maxOverall));
    }

    /** Whether one more message may go to the customer on this channel (the overall cap included). */
    public CapCheck check(MessageCounts counts, Channel channel) {
        CapCheck overall = check(counts);
        if (!overall.allowed()) {
            return overall;
        }
        Integer max = maxPerChannel.get(channel);
        if (max != null && counts.on(channel) >= max) {
            return new CapCheck(false, "capped: " + counts.on(channel) + " " + channel + " messages in the last "
                    + span() + ", at most " + max);
        }
        return overall;
    }

    /** Channels whose own cap is reached, to pass to {@link ChannelChoice#choose}. */
    public Set<Channel> cappedChannels(MessageCounts counts) {
        Set<Channel> capped = EnumSet.noneOf(Channel.class);
        maxPerChannel.forEach((channel, max) -> {
            if (counts.on(channel) >= max) {
                capped.add(channel);
            }
        });
        return capped;
    }

    /** "7 days", "12 hours", "90 minutes": the window as the explanations say it. */
    private String span() {
        if (window.toHoursPart() == 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
            return window.toDays() + " days";
        }
        if (window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
            return window.toHours() + " hours";
        }
        return window.toMinutes() + " minutes";
    }
}
