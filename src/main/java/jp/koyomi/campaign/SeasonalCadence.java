package jp.koyomi.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * A yearly window (e.g. 1 February to 15 March, both days included) with a rhythm inside it (e.g.
 * every Monday at 10:00). A window whose end comes before its start crosses the new year
 * (1 December to 15 February).
 */
@Schema(name = "SeasonalCadence", description = "A yearly window, both days included (crossing the new year when to is before from), with a WEEKLY, MONTHLY or CRON rhythm inside it.",
        requiredProperties = { "type", "from", "to", "every" }, properties = @SchemaProperty(name = "type", constValue = "SEASONAL"))
public record SeasonalCadence(
        @Schema(description = "First day, --MM-DD", examples = "--02-01") MonthDay from,
        @Schema(description = "Last day, --MM-DD", examples = "--03-15") MonthDay to,
        @Schema(description = "The rhythm inside the window; not SEASONAL") Cadence every) implements Cadence {

    /** Enough steps to cross a year of a daily rhythm without ever looping forever. */
    private static final int MAX_STEPS = 800;

    @Override
    public ZoneId zone() {
        return every == null ? DEFAULT_ZONE : every.zone();
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        if (!problems().isEmpty()) {
            return Optional.empty();
        }
        Instant cursor = after;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<ZonedDateTime> next = every.nextAfter(cursor);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            LocalDate date = next.get().toLocalDate();
            if (contains(date)) {
                return next;
            }
            // Jump to the eve of the next window's first day instead of walking through the off-season.
            LocalDate start = nextStart(date);
            cursor = start.atStartOfDay(zone()).toInstant().minusNanos(1);
        }
        return Optional.empty();
    }

    boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        boolean crossesNewYear = to.isBefore(from);
        return crossesNewYear ? !day.isBefore(from) || !day.isAfter(to) : !day.isBefore(from) && !day.isAfter(to);
    }

    private LocalDate nextStart(LocalDate after) {
        LocalDate start = from.atYear(after.getYear());
        return start.isAfter(after) ? start : from.atYear(after.getYear() + 1);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (from == null || to == null) {
            problems.add("from, to: the window's first and last day, e.g. --02-01 and --03-15");
        }
        if (every == null) {
            problems.add("every: the rhythm inside the window (WEEKLY, MONTHLY or CRON)");
        } else if (every instanceof SeasonalCadence) {
            problems.add("every: a window cannot contain another window");
        } else {
            every.problems().forEach(p -> problems.add("every." + p));
        }
        return problems;
    }
}
