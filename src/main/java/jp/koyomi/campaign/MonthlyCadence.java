package jp.koyomi.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * Once a month at a local time, on one of: a day of the month ({@code day}: 1–31; a day the month
 * does not have means its last day, so 31 runs on 30 April and 28 or 29 February), the last day
 * ({@code last_day: true}), or the n-th weekday ({@code weekday: TUESDAY, nth: 2}; nth −1 is the
 * last such weekday).
 */
@Schema(name = "MonthlyCadence", description = "Once a month at a local time: exactly one of day, last_day, or weekday with nth.",
        requiredProperties = { "type", "at" }, properties = @SchemaProperty(name = "type", constValue = "MONTHLY"))
public record MonthlyCadence(
        @Schema(minimum = "1", maximum = "31", description = "Day of the month; a day the month lacks means its last day", examples = "25") Integer day,
        @Schema(description = "true: the last day of every month") Boolean lastDay,
        @Schema(description = "With nth: the n-th such weekday of the month") DayOfWeek weekday,
        @Schema(minimum = "-1", maximum = "5", description = "1 to 5, or -1 for the last such weekday") Integer nth,
        @Schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time, HH:mm", examples = "10:00") LocalTime at, @Schema(description = "IANA time zone; Asia/Tokyo when absent", examples = "Asia/Tokyo") ZoneId zone)
        implements Cadence {

    public MonthlyCadence {
        zone = Cadence.zoneOr(zone);
    }

    public static MonthlyCadence onDay(int day, LocalTime at, ZoneId zone) {
        return new MonthlyCadence(day, null, null, null, at, zone);
    }

    public static MonthlyCadence onLastDay(LocalTime at, ZoneId zone) {
        return new MonthlyCadence(null, true, null, null, at, zone);
    }

    public static MonthlyCadence onNthWeekday(int nth, DayOfWeek weekday, LocalTime at, ZoneId zone) {
        return new MonthlyCadence(null, null, weekday, nth, at, zone);
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        if (!problems().isEmpty()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(after.atZone(zone));
        for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
            Optional<LocalDate> date = dateIn(month);
            if (date.isPresent()) {
                ZonedDateTime candidate = ZonedDateTime.of(date.get(), at, zone);
                if (candidate.toInstant().isAfter(after)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The day this cadence picks in a month; empty when the month has no such day (a fifth Monday). */
    Optional<LocalDate> dateIn(YearMonth month) {
        if (Boolean.TRUE.equals(lastDay)) {
            return Optional.of(month.atEndOfMonth());
        }
        if (day != null) {
            return Optional.of(month.atDay(Math.min(day, month.lengthOfMonth())));
        }
        LocalDate first = month.atDay(1);
        if (nth == -1) {
            return Optional.of(first.with(TemporalAdjusters.lastInMonth(weekday)));
        }
        LocalDate date = first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
        return date.getMonth() == month.getMonth() ? Optional.of(date) : Optional.empty();
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        int ways = (day != null ? 1 : 0) + (Boolean.TRUE.equals(lastDay) ? 1 : 0) + (weekday != null ? 1 : 0);
        if (ways != 1) {
            problems.add("give exactly one of day, last_day or weekday with nth");
        }
        if (day != null && (day < 1 || day > 31)) {
            problems.add("day: " + day + " is not a day of the month (1-31)");
        }
        if (weekday != null && (nth == null || nth == 0 || nth < -1 || nth > 5)) {
            problems.add("nth: 1 to 5, or -1 for the last " + weekday);
        }
        if (at == null) {
            problems.add("at: the local time, e.g. 10:00");
        }
        return problems;
    }
}
