package jp.koyomi.run;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jp.koyomi.settings.EffectiveSettings;

/**
 * The send window (08:00–21:00 Asia/Tokyo by default). A delivery created outside it waits in the
 * outbox until the window next opens: deferred, never dropped.
 */
public record QuietHours(LocalTime opens, LocalTime closes, ZoneId zone) {

    /** The quiet hours in force, or null when they are switched off (messages go out at any hour). */
    private static QuietHours of(EffectiveSettings settings) {
        return settings.quietHoursOff() ? null
                : new QuietHours(settings.quietOpens(), settings.quietCloses(), settings.quietZone());
    }

    /** When a delivery created at {@code now} may first go out, under these settings. */
    public static Instant firstSendAt(EffectiveSettings settings, Instant now) {
        QuietHours quiet = of(settings);
        return quiet == null ? now : quiet.firstSendAt(now);
    }

    /** When a delivery created at {@code now} may first go out. */
    public Instant firstSendAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(opens) && time.isBefore(closes)) {
            return now;
        }
        ZonedDateTime opening = local.with(opens);
        return (time.isBefore(opens) ? opening : opening.plusDays(1)).toInstant();
    }
}
