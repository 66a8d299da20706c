package jp.koyomi.campaign;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.TemplateIds;

@QuarkusTest
class RunPlannerTest {

    private static final Duration GRACE = Duration.ofHours(6);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** An active, approved campaign running every day at the given Tokyo time; returns its id. */
    private long dailyCampaign(String name, String at) {
        String definition = "{\"cadence\":{\"type\":\"WEEKLY\",\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\","
                + "\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"at\":\"" + at + "\"},\"rules\":{\"items\":{\"sources\":[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},\"holdout_percent\":0}";
        int id = as("marketer").contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"definition\":" + definition + "}").post("/api/v1/campaigns").then()
                .statusCode(201).extract().path("id");
        as("admin").contentType("application/json").body("{\"revision\":1}").post("/api/v1/campaigns/" + id + "/approval")
                .then().statusCode(200);
        as("marketer").post("/api/v1/campaigns/" + id + "/activate").then().statusCode(200);
        return id;
    }

    private Instant approvedAt(long campaign) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT approved_at FROM campaign WHERE id = ?")) {
            s.setLong(1, campaign);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private List<String> runs(long campaign) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT occurrence_at, status FROM campaign_run WHERE campaign_id = ? ORDER BY occurrence_at")) {
            s.setLong(1, campaign);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(rs.getObject(1, OffsetDateTime.class).toInstant() + " " + rs.getString(2));
                }
            }
        }
        return runs;
    }

    @Test
    void twoSchedulersOnOneDatabaseCreateEachRunExactlyOnce() throws Exception {
        long campaign = dailyCampaign("二台のスケジューラ", "10:00");
        Instant now = approvedAt(campaign).plus(Duration.ofDays(3));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> instance = () -> {
            RunPlanner planner = new RunPlanner(dataSource, json, GRACE);
            together.await();
            return planner.plan(now);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(instance);
            Future<Integer> b = pool.submit(instance);
            int created = a.get() + b.get();
            assertEquals(3, runs(campaign).size(), "three daily occurrences in three days: " + runs(campaign));
            assertEquals(3, created, "each occurrence created once, by one of the two");
        } finally {
            pool.shutdown();
        }
        assertEquals(0, new RunPlanner(dataSource, json, GRACE).plan(now), "a restart creates nothing again");
    }

    @Test
    void occurrencesMissedBeyondTheGracePeriodAreRecordedAsMissed() throws Exception {
        long campaign = dailyCampaign("停止中に逃した回", "09:00");
        List<java.time.ZonedDateTime> occurrences = new WeeklyCadence(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                java.time.LocalTime.of(9, 0), null).upcoming(approvedAt(campaign), 3);
        Instant now = occurrences.get(2).toInstant().plus(Duration.ofHours(1));
        new RunPlanner(dataSource, json, GRACE).plan(now);
        assertEquals(List.of(occurrences.get(0).toInstant() + " MISSED", occurrences.get(1).toInstant() + " MISSED",
                occurrences.get(2).toInstant() + " PENDING"), runs(campaign));
    }

    @Test
    void anOccurrenceDuringALiveRunNowOfTheSameRevisionIsMissedWithTheReasonNotRunTwice() throws Exception {
        long campaign = dailyCampaign("手動実行中の定期便", "08:00");
        long manual = as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        List<java.time.ZonedDateTime> occurrences = new WeeklyCadence(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                java.time.LocalTime.of(8, 0), null).upcoming(approvedAt(campaign), 2);
        RunPlanner planner = new RunPlanner(dataSource, json, GRACE);

        planner.plan(occurrences.get(0).toInstant().plusSeconds(60));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status, error FROM campaign_run WHERE campaign_id = ? AND kind = 'SCHEDULED'")) {
            s.setLong(1, campaign);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("MISSED", rs.getString(1), "no run beside the live manual one");
                assertEquals("run " + manual + " (run now) of the same revision was under way: this occurrence would "
                        + "have reached its customers twice", rs.getString(2));
            }
        }

        // Once the manual run has finished, the next occurrence runs as usual.
        as("marketer").post("/api/v1/runs/" + manual + "/cancel").then().statusCode(200);
        assertEquals(1, planner.plan(occurrences.get(1).toInstant().plusSeconds(60)));
        assertEquals(occurrences.get(1).toInstant() + " PENDING", runs(campaign).get(runs(campaign).size() - 1));
    }

    @Test
    void pausedCampaignsGetNoRuns() throws Exception {
        long campaign = dailyCampaign("一時停止", "11:00");
        as("marketer").post("/api/v1/campaigns/" + campaign + "/pause").then().statusCode(200);
        new RunPlanner(dataSource, json, GRACE).plan(approvedAt(campaign).plus(Duration.ofDays(2)));
        assertEquals(List.of(), runs(campaign));
    }
}
