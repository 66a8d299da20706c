package jp.koyomi.relevance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.koyomi.domain.Channel;
import jp.koyomi.domain.ClimateZone;

/**
 * Everything relevance reads about one customer, filled by the run from first-party data.
 * Collections are taken as given, not copied (one profile per customer per run; copying would be
 * most of the cost of a decision): do not change them after handing the profile over.
 *
 * @param prefecture     JIS X 0401 code, 1–47; 0 when unknown
 * @param region         region of the prefecture ("Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki",
 *                       "Chugoku", "Shikoku", "Kyushu-Okinawa"); null when unknown
 * @param pointsExpireOn the date the customer's points expire; null when they do not
 * @param categories     by category name
 * @param styles         by style code
 * @param offers         recent offer history (any order); reading back as far as the longest
 *                       "no repeats" window of the run's campaign is enough
 * @param preferred      the customer's preferred channel, null when they did not say
 */
public record CustomerProfile(long customerId, String externalId, int prefecture, ClimateZone climateZone,
        String region, Set<String> topics, int points, LocalDate pointsExpireOn,
        Map<String, CategoryHistory> categories, Map<String, StyleHistory> styles, List<OfferRecord> offers,
        ChannelAccess channels, Channel preferred) {

    public CustomerProfile {
        topics = topics == null ? Set.of() : topics;
        categories = categories == null ? Map.of() : categories;
        styles = styles == null ? Map.of() : styles;
        offers = offers == null ? List.of() : offers;
        channels = channels == null ? ChannelAccess.NONE : channels;
    }
}
