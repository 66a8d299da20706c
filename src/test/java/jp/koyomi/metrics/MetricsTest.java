package jp.koyomi.metrics;

import static jp.koyomi.support.TestUsers.anonymous;
import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Db;

@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    PipelineMetrics metrics;

    private static String scrape() {
        return as("viewer").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        assertTrue(m.find(), "no series " + series + " in the scrape");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldRefuseAnonymousScrapes() {
        anonymous().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void shouldShowOutboxDepthAndHowLongTheOldestDueDeliveryWaited() throws Exception {
        long customer = Db.customer(db, "MT-1");
        String before = scrape();
        double depth = value(before, "koyomi_outbox_depth{channel=\"LINE\"}");
        Db.pendingDelivery(db, customer, Channel.LINE, Instant.now().minusSeconds(600));
        Db.pendingDelivery(db, customer, Channel.LINE, Instant.now().plusSeconds(3600));

        String after = scrape();
        assertTrue(value(after, "koyomi_outbox_depth{channel=\"LINE\"}") == depth + 2, after);
        assertTrue(value(after, "koyomi_outbox_oldest_due_age_seconds{channel=\"LINE\"}") >= 600);
        assertTrue(value(after, "koyomi_outbox_channel_paused{channel=\"LINE\"}") == 0);
    }

    @Test
    void shouldCountCustomersDecidedAndSendsByChannelOutcomeAndReason() {
        double decided = value(scrape(), "koyomi_run_customers_decided_total");
        metrics.decided(250);
        metrics.sendOutcome(Channel.EMAIL, new SendResult.Sent("m-1"));
        metrics.sendOutcome(Channel.EMAIL, new SendResult.Failed("550 no such user"));

        String scrape = scrape();
        assertTrue(value(scrape, "koyomi_run_customers_decided_total") == decided + 250);
        assertTrue(value(scrape, "koyomi_outbox_sends_total{channel=\"EMAIL\",outcome=\"failed\",reason=\"rejected\"}") >= 1);
        as("viewer").get("/q/metrics").then().body(containsString("koyomi_runs{status=\"RUNNING\"}"));
    }
}
