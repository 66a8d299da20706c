package jp.koyomi.relevance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Reads a {@link ContentRules.Window}: fixed dates or yearly month-days, inclusive at both ends. */
final class WindowDates {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    private WindowDates() {
    }

    /** A LocalDate for "YYYY-MM-DD", a MonthDay for "MM-DD", null when it is neither. */
    static TemporalAccessor parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (MONTH_DAY.matcher(text).matches()) {
                return MonthDay.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** Whether the date is inside a window the validator accepted. */
    static boolean contains(ContentRules.Window window, LocalDate date) {
        TemporalAccessor from = parse(window.from());
        TemporalAccessor to = parse(window.to());
        if (from instanceof LocalDate f && to instanceof LocalDate t) {
            return !date.isBefore(f) && !date.isAfter(t);
        }
        MonthDay f = (MonthDay) from;
        MonthDay t = (MonthDay) to;
        MonthDay d = MonthDay.from(date);
        return f.compareTo(t) <= 0 ? d.compareTo(f) >= 0 && d.compareTo(t) <= 0 : d.compareTo(f) >= 0 || d.compareTo(t) <= 0;
    }
}
