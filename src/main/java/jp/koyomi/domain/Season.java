package jp.koyomi.domain;

import java.time.LocalDate;
import java.time.Month;

/** Selling season of a product: spring/summer, autumn/winter, or all year. */
public enum Season {
    SS, AW, ALL;

    /** The selling season a date falls in: March to August is SS, September to February AW. */
    public static Season of(LocalDate date) {
        Month m = date.getMonth();
        return m.compareTo(Month.MARCH) >= 0 && m.compareTo(Month.AUGUST) <= 0 ? SS : AW;
    }

    public boolean isSoldIn(Season season) {
        return this == ALL || this == season;
    }
}
