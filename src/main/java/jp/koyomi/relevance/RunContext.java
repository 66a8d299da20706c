package jp.koyomi.relevance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The run a decision belongs to: its instant decides the season, the date window, "new", "recent"
 * and "expiring"; its zone decides which calendar day that instant is.
 */
public record RunContext(Instant runAt, ZoneId zone, long campaignId) {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public RunContext {
        Objects.requireNonNull(runAt, "runAt");
        zone = zone == null ? TOKYO : zone;
    }

    public LocalDate runDate() {
        return LocalDate.ofInstant(runAt, zone);
    }
}
