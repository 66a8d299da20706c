package jp.koyomi.campaign;

import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/** Every tick, turns due occurrences of active campaigns into runs (see {@link RunPlanner}). */
@ApplicationScoped
public class CampaignScheduler {

    private static final Logger LOG = Logger.getLogger(CampaignScheduler.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    SchedulerConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${koyomi.scheduler.tick:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void tick() {
        try {
            int created = new RunPlanner(dataSource, json, config.grace()).plan(clock.instant());
            if (created > 0) {
                LOG.infof("Planned %d campaign runs", created);
            }
        } catch (SQLException e) {
            LOG.error("Cannot plan campaign runs", e);
        }
    }

    /** Lets an instance serve the API without planning runs ({@code koyomi.scheduler.enabled=false}). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        SchedulerConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
