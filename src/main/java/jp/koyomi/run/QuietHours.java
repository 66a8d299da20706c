package jp.koyomi.run;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The send window (08:00–21:00 Asia/Tokyo by default). A delivery created outside it waits in the
 * outbox until the window next opens: deferred, never dropped.
 */
public record QuietHours(LocalTime opens, LocalTime closes, ZoneId zone) {

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
