package jp.koyomi.relevance;

import java.time.LocalDate;

/**
 * A content block chosen for the customer; templates render it by {@link #type()} and {@link #key()}.
 *
 * @param subject   HOW_TO: the category or style code it is about; TOPIC: the topic; else null
 * @param points    EXPIRING_POINTS: the points that expire; else 0
 * @param expiresOn EXPIRING_POINTS: when; else null
 */
public record ContentBlock(BlockType type, String key, String title, String url, String subject, int points,
        LocalDate expiresOn) {
}
