package jp.koyomi.relevance;

import jp.koyomi.domain.Channel;

/**
 * The channel to send on, or why there is none.
 *
 * @param channel     null when skipped
 * @param skipReason  null when a channel was chosen; NO_CONSENTED_CHANNEL or CAPPED otherwise
 * @param explanation one line for people ("EMAIL: preferred LINE not consented; next in LINE → EMAIL → POSTAL")
 */
public record ChannelDecision(Channel channel, SkipReason skipReason, String explanation) {

    public boolean isChosen() {
        return channel != null;
    }
}
