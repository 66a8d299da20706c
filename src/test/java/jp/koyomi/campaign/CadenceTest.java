package jp.koyomi.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CadenceTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalTime TEN = LocalTime.of(10, 0);

    private static Instant tokyo(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    private static List<String> dates(Cadence cadence, Instant after, int n) {
        return cadence.upcoming(after, n).stream().map(z -> z.toLocalDateTime().toString()).toList();
    }

    @Test
    void weeklyRunsOnTheNamedDaysAndNotAgainAtTheSameInstant() {
        Cadence fridays = new WeeklyCadence(Set.of(DayOfWeek.FRIDAY), TEN, null);
        assertEquals(List.of("2026-11-27T10:00", "2026-12-04T10:00"), dates(fridays, tokyo("2026-11-25T12:00"), 2));
        assertEquals(List.of("2026-12-04T10:00"), dates(fridays, tokyo("2026-11-27T10:00"), 1));
        assertEquals(TOKYO, fridays.zone(), "Asia/Tokyo is the default zone");
    }

    @Test
    void monthlyDayBeyondTheMonthsEndRunsOnItsLastDay() {
        Cadence on31st = MonthlyCadence.onDay(31, TEN, TOKYO);
        assertEquals(List.of("2027-03-31T10:00", "2027-04-30T10:00", "2027-05-31T10:00"),
                dates(on31st, tokyo("2027-03-01T00:00"), 3));
    }

    @Test
    void lastDayFollowsLeapYears() {
        Cadence lastDay = MonthlyCadence.onLastDay(TEN, TOKYO);
        assertEquals(List.of("2027-02-28T10:00"), dates(lastDay, tokyo("2027-02-01T00:00"), 1));
        assertEquals(List.of("2028-02-29T10:00"), dates(lastDay, tokyo("2028-02-01T00:00"), 1));
    }

    @Test
    void secondTuesdayAndLastFridayOfTheMonth() {
        assertEquals(List.of("2026-12-08T10:00", "2027-01-12T10:00"),
                dates(MonthlyCadence.onNthWeekday(2, DayOfWeek.TUESDAY, TEN, TOKYO), tokyo("2026-11-25T00:00"), 2));
        assertEquals(List.of("2026-11-27T10:00"),
                dates(MonthlyCadence.onNthWeekday(-1, DayOfWeek.FRIDAY, TEN, TOKYO), tokyo("2026-11-25T00:00"), 1));
    }

    @Test
    void fifthMondaySkipsMonthsThatHaveNone() {
        List<String> fifthMondays = dates(MonthlyCadence.onNthWeekday(5, DayOfWeek.MONDAY, TEN, TOKYO),
                tokyo("2026-01-01T00:00"), 3);
        assertEquals(List.of("2026-03-30T10:00", "2026-06-29T10:00", "2026-08-31T10:00"), fifthMondays);
    }

    @Test
    void seasonalWindowRunsOnlyInsideItsDates() {
        Cadence coats = new SeasonalCadence(MonthDay.of(2, 1), MonthDay.of(3, 15),
                new WeeklyCadence(Set.of(DayOfWeek.MONDAY), TEN, TOKYO));
        List<String> runs = dates(coats, tokyo("2027-03-01T00:00"), 4);
        assertEquals(List.of("2027-03-01T10:00", "2027-03-08T10:00"), runs.subList(0, 2));
        assertEquals("2027-03-15T10:00", runs.get(2), "15 March is inside the window");
        assertEquals("2028-02-07T10:00", runs.get(3), "then nothing until next February's first Monday");
    }

    @Test
    void seasonalWindowMayCrossTheNewYear() {
        Cadence winter = new SeasonalCadence(MonthDay.of(12, 20), MonthDay.of(1, 10),
                MonthlyCadence.onDay(1, TEN, TOKYO));
        assertEquals(List.of("2027-01-01T10:00", "2028-01-01T10:00"), dates(winter, tokyo("2026-11-25T00:00"), 2));
        assertTrue(((SeasonalCadence) winter).contains(java.time.LocalDate.of(2026, 12, 31)));
        assertFalse(((SeasonalCadence) winter).contains(java.time.LocalDate.of(2027, 1, 11)));
    }

    @Test
    void anotherZoneKeepsItsLocalTimeAcrossDaylightSaving() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Cadence sundays = new WeeklyCadence(Set.of(DayOfWeek.SUNDAY), TEN, newYork);
        List<ZonedDateTime> runs = sundays.upcoming(Instant.parse("2026-10-30T00:00:00Z"), 2);
        assertEquals(LocalTime.of(10, 0), runs.get(0).toLocalTime());
        assertEquals(LocalTime.of(10, 0), runs.get(1).toLocalTime());
        assertEquals(Instant.parse("2026-11-01T15:00:00Z"), runs.get(0).toInstant(), "EST after the switch");
        assertEquals(Instant.parse("2026-11-08T15:00:00Z"), runs.get(1).toInstant());
    }

    @Test
    void cronUsesQuartzSyntaxInItsZone() {
        Cadence weekdays = new CronCadence("0 0 10 ? * MON-FRI", TOKYO);
        assertEquals(List.of("2026-11-27T10:00", "2026-11-30T10:00"), dates(weekdays, tokyo("2026-11-26T11:00"), 2));
    }

    @Test
    void invalidCadencesNameTheirField() {
        assertEquals(List.of("days: name at least one day of the week"), new WeeklyCadence(Set.of(), TEN, TOKYO).problems());
        assertTrue(MonthlyCadence.onDay(32, TEN, TOKYO).problems().get(0).startsWith("day:"));
        assertTrue(new CronCadence("every monday", TOKYO).problems().get(0).startsWith("expression:"));
        assertTrue(new SeasonalCadence(MonthDay.of(2, 1), MonthDay.of(3, 1), new WeeklyCadence(Set.of(), TEN, TOKYO))
                .problems().get(0).startsWith("every.days"));
    }

    @Test
    void cadencesReadAndWriteAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Cadence read = json.readValue("{\"type\":\"SEASONAL\",\"from\":\"--02-01\",\"to\":\"--03-15\","
                + "\"every\":{\"type\":\"WEEKLY\",\"days\":[\"MONDAY\"],\"at\":\"10:00\"}}", Cadence.class);
        assertEquals(new SeasonalCadence(MonthDay.of(2, 1), MonthDay.of(3, 15),
                new WeeklyCadence(Set.of(DayOfWeek.MONDAY), TEN, TOKYO)), read);
        assertEquals(read, json.readValue(json.writeValueAsString(read), Cadence.class));
    }
}
