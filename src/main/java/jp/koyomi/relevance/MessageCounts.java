package jp.koyomi.relevance;

import java.util.Map;

import jp.koyomi.domain.Channel;

/**
 * Marketing messages a customer got or has pending inside the cap's window
 * ({@link FrequencyCap#windowStart}): sent and still-queued deliveries both count, so two
 * campaigns running at once cannot both slip under the cap.
 *
 * @param perChannel missing channels count as 0
 */
public record MessageCounts(int overall, Map<Channel, Integer> perChannel) {

    public static final MessageCounts NONE = new MessageCounts(0, Map.of());

    public MessageCounts {
        perChannel = perChannel == null ? Map.of() : perChannel;
    }

    public int on(Channel channel) {
        Integer n = perChannel.get(channel);
        return n == null ? 0 : n;
    }
}
