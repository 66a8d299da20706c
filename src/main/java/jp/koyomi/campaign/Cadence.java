package jp.koyomi.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * When a campaign runs: its editorial rhythm in a time zone (Asia/Tokyo unless it says otherwise).
 * Stored with the campaign as JSON, e.g. {@code {"type":"WEEKLY","days":["FRIDAY"],"at":"10:00"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = WeeklyCadence.class, name = "WEEKLY"),
        @JsonSubTypes.Type(value = MonthlyCadence.class, name = "MONTHLY"),
        @JsonSubTypes.Type(value = SeasonalCadence.class, name = "SEASONAL"),
        @JsonSubTypes.Type(value = CronCadence.class, name = "CRON") })
@Schema(name = "Cadence", description = "When the campaign runs, by type. Times are local to zone (default Asia/Tokyo).",
        oneOf = { WeeklyCadence.class, MonthlyCadence.class, SeasonalCadence.class, CronCadence.class },
        discriminatorProperty = "type", discriminatorMapping = {
                @DiscriminatorMapping(value = "WEEKLY", schema = WeeklyCadence.class),
                @DiscriminatorMapping(value = "MONTHLY", schema = MonthlyCadence.class),
                @DiscriminatorMapping(value = "SEASONAL", schema = SeasonalCadence.class),
                @DiscriminatorMapping(value = "CRON", schema = CronCadence.class) })
public sealed interface Cadence permits WeeklyCadence, MonthlyCadence, SeasonalCadence, CronCadence {

    ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    /** The time zone the cadence's local times are in. */
    ZoneId zone();

    /** The first occurrence strictly after {@code after}, if there is one. */
    Optional<ZonedDateTime> nextAfter(Instant after);

    /** What is wrong with this cadence, as messages naming the field; empty when it is valid. */
    List<String> problems();

    /** The next {@code count} occurrences after {@code after}. */
    default List<ZonedDateTime> upcoming(Instant after, int count) {
        List<ZonedDateTime> occurrences = new ArrayList<>(count);
        Instant from = after;
        while (occurrences.size() < count) {
            Optional<ZonedDateTime> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            occurrences.add(next.get());
            from = next.get().toInstant();
        }
        return occurrences;
    }

    static ZoneId zoneOr(ZoneId zone) {
        return zone == null ? DEFAULT_ZONE : zone;
    }
}
