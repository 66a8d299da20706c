package jp.koyomi.run;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.koyomi.support.Poll;
import jp.koyomi.support.Runs;

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
    void shouldStartARunQueuedByHandWithoutWaitingForThePoll() {
        long campaign = Runs.approvedCampaign("今すぐ開始");
        int run = as("marketer").post("/api/v1/runs/campaign/" + campaign).then().statusCode(201).extract().path("id");

        Poll.until("run " + run + " no longer PENDING or RUNNING", Duration.ofSeconds(60), () -> !List.of("PENDING",
                "RUNNING").contains(as("viewer").get("/api/v1/runs/" + run).then().statusCode(200).extract()
                        .<String>path("status")));
        assertEquals("COMPLETED", as("viewer").get("/api/v1/runs/" + run).then().extract().path("status"));
    }
}
