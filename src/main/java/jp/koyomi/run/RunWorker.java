package jp.koyomi.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jp.koyomi.campaign.CampaignScheduler;
import jp.koyomi.campaign.CampaignService;
import jp.koyomi.campaign.SchedulerConfig;

/**
 * Starts due runs and executes their slices on {@code koyomi.runs.threads} threads: PENDING runs,
 * open slices of running ones, and slices whose holder lost its lease or was this instance before
 * a restart. Other instances do the same on the same runs. A run queued by a user's hand on this
 * instance starts at once rather than at the next poll.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    @Inject
    RunExecutor executor;

    @Inject
    CampaignPipelines pipelines;

    @Inject
    Clock clock;

    @Inject
    CampaignService campaigns;

    @Inject
    RunConfig config;

    @Inject
    SchedulerConfig scheduler;

    private ExecutorService helpers;
    private ExecutorService waker;
    /** A round is under way; {@link #again}: one more was asked for meanwhile, so the round repeats. */
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        helpers = Executors.newFixedThreadPool(Math.max(1, config.threads() - 1), r -> {
            Thread t = new Thread(r, "koyomi-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        waker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "koyomi-run-waker");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        helpers.shutdownNow();
        waker.shutdownNow();
    }

    @Scheduled(every = "${koyomi.runs.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CampaignScheduler.Disabled.class)
    void poll() {
        work();
    }

    /** After the commit that queued the run, so the round that starts it can see it. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunQueued run) {
        if (scheduler.enabled()) {
            waker.execute(() -> {
                try {
                    work();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Run %d could not be started at once; the next poll starts it", run.runId());
                }
            });
        }
    }

    /** One round at a time; a round asked for while one is under way runs right after it. */
    void work() {
        again.set(true);
        while (again.get() && working.compareAndSet(false, true)) {
            try {
                again.set(false);
                round();
            } finally {
                working.set(false);
            }
        }
    }

    private void round() {
        executor.endOverdueHolders();
        while (executor.claimNext().isPresent()) {
            // every due run started: its slices are now open to all threads of all instances
        }
        // A run's pipeline is built once per round and shared by the threads: it is read-only once built.
        Map<Long, Optional<RunPipeline>> built = new ConcurrentHashMap<>();
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < config.threads(); i++) {
            others.add(helpers.submit(() -> drain(built)));
        }
        drain(built);
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.error("A run thread stopped", e.getCause());
            }
        }
    }

    private void drain(Map<Long, Optional<RunPipeline>> built) {
        for (var slice = executor.claimSlice(Optional.empty()); slice.isPresent(); slice = executor.claimSlice(Optional.empty())) {
            RunExecutor.ClaimedSlice s = slice.get();
            Optional<RunPipeline> pipeline = built.computeIfAbsent(s.run().id(), id -> pipeline(s.run()));
            if (pipeline.isPresent()) {
                executor.execute(s, pipeline.get());
            }
        }
    }

    /** Builds the run's pipeline and runs it on this thread; a campaign that cannot be compiled fails its run. */
    public void execute(RunExecutor.ClaimedRun run) {
        pipeline(run).ifPresent(p -> executor.execute(run, p));
    }

    private Optional<RunPipeline> pipeline(RunExecutor.ClaimedRun run) {
        try {
            Optional<String> refused = campaigns.whyNotSendable(run.campaignId(), run.revision());
            if (refused.isPresent()) {
                throw new IllegalStateException(refused.get());
            }
            return Optional.of(pipelines.forRun(run.campaignId(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf("Run %d cannot start: %s", run.id(), e.getMessage());
            executor.markFailed(run.id(), e);
            return Optional.empty();
        }
    }
}
