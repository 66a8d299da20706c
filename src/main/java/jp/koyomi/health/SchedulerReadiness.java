package jp.koyomi.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.scheduler.Scheduler;

/** Koyomi is ready only when its scheduler runs: without it no cadence fires and no outbox drains. */
@Readiness
@ApplicationScoped
public class SchedulerReadiness implements HealthCheck {

    @Inject
    Scheduler scheduler;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Scheduler").status(scheduler.isRunning()).build();
    }
}
