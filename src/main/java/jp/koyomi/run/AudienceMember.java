package jp.koyomi.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.domain.Channel;

/**
 * One customer as a run sees them: identity and address, consents, topics, points, and what
 * their orders and earlier messages say about them. Loaded a batch at a time.
 */
public record AudienceMember(long id, String externalId, String familyName, String givenName, String familyNameKana,
        String givenNameKana, String email, String lineUserId, String postalCode, Integer prefectureCode, String city,
        String address1, String address2, int points, LocalDate pointsExpireOn, Set<String> topics,
        Set<Channel> consents, Channel preferredChannel, Map<String, CategoryPurchases> categories,
        Map<Long, StylePurchases> styles, List<PastOffer> recentOffers, Map<Channel, Integer> recentMessages) {

    /** The size worn in a category (null if unknown), how often and how recently it was bought. */
    public record CategoryPurchases(String size, int count, Instant last) {
    }

    public record StylePurchases(int count, Instant last, String lastSize) {
    }

    public record PastOffer(long styleId, long campaignId, Channel channel, Instant at) {
    }

    /** Whether the customer can be reached on a channel at all: an address for it, whatever the consent. */
    public boolean reachableOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> email != null;
            case LINE -> lineUserId != null;
            case POSTAL -> postalCode != null && prefectureCode != null && city != null && address1 != null;
        };
    }

    public int recentMessageCount() {
        return recentMessages.values().stream().mapToInt(Integer::intValue).sum();
    }
}
