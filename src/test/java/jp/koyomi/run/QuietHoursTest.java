package jp.koyomi.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final QuietHours window = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0), TOKYO);

    private static Instant tokyo(String local) {
        return LocalDateTime.parse(local).atZone(TOKYO).toInstant();
    }

    @Test
    void shouldSendAtOnceInsideTheWindow() {
        assertEquals(tokyo("2026-11-25T08:00"), window.firstSendAt(tokyo("2026-11-25T08:00")));
        assertEquals(tokyo("2026-11-25T20:59"), window.firstSendAt(tokyo("2026-11-25T20:59")));
    }

    @Test
    void shouldDeferTheEveningToTheNextMorning() {
        assertEquals(tokyo("2026-11-26T08:00"), window.firstSendAt(tokyo("2026-11-25T21:00")));
        assertEquals(tokyo("2027-01-01T08:00"), window.firstSendAt(tokyo("2026-12-31T23:30")));
    }

    @Test
    void shouldDeferTheSmallHoursToThatMorning() {
        assertEquals(tokyo("2026-11-25T08:00"), window.firstSendAt(tokyo("2026-11-25T03:10")));
    }
}
