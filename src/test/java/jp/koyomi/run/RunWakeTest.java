package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.support.TemplateIds;

/** "Run now" starts the run itself: with the workers' poll turned off, only the wake-up can start it. */
@QuarkusTest
@TestProfile(RunWakeTest.PollOff.class)
class RunWakeTest {

    public static class PollOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("koyomi.scheduler.enabled", "true", "koyomi.runs.poll", "off", "koyomi.scheduler.tick", "off",
                    "koyomi.outbox.poll", "off", "koyomi.retention.every", "off");
        }
    }

    @Test
    void shouldStartARunQueuedByHandWithoutWaitingForThePoll() throws InterruptedException {
        int campaign = as("marketer").contentType("application/json").body("{\"name\":\"今すぐ開始\",\"definition\":"
                + "{\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":"
                + "[{\"type\":\"NEW_ARRIVALS\"}]}},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":" + TemplateIds.email()
                + "},\"holdout_percent\":0}}").post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        as("admin").contentType("application/json").body("{\"revision\":1}")
                .post("/api/v1/campaigns/" + campaign + "/approval").then().statusCode(200);
        int run = as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(201).extract().path("id");

        String status = "PENDING";
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while ((status.equals("PENDING") || status.equals("RUNNING")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            status = as("viewer").get("/api/v1/runs/" + run).then().statusCode(200).extract().path("status");
        }
        assertEquals("COMPLETED", status);
    }
}
