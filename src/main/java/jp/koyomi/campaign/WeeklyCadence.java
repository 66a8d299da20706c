package jp.koyomi.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** On the given days of the week at a local time, e.g. every Friday at 10:00. */
@Schema(name = "WeeklyCadence", description = "On the given days of the week at a local time.",
        requiredProperties = { "type", "days", "at" }, properties = @SchemaProperty(name = "type", constValue = "WEEKLY"))
public record WeeklyCadence(@Schema(minItems = 1, uniqueItems = true, examples = "[\"FRIDAY\"]") Set<DayOfWeek> days,
        @Schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time, HH:mm", examples = "10:00") LocalTime at, @Schema(description = "IANA time zone; Asia/Tokyo when absent", examples = "Asia/Tokyo") ZoneId zone) implements Cadence {

    public WeeklyCadence {
        days = days == null ? Set.of() : Set.copyOf(days);
        zone = Cadence.zoneOr(zone);
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        if (!problems().isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
            ZonedDateTime candidate = ZonedDateTime.of(day, at, zone);
            if (days.contains(day.getDayOfWeek()) && candidate.toInstant().isAfter(after)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether an occurrence falls on this date, for windows that count days. */
    boolean fallsOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (days.isEmpty()) {
            problems.add("days: name at least one day of the week");
        }
        if (at == null) {
            problems.add("at: the local time, e.g. 10:00");
        }
        return problems;
    }
}
