package jp.koyomi.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Drains the outbox on every tick: per channel, as many workers as its sender can send at once
 * (or {@code koyomi.outbox.workers}) claim and send batches until nothing is due. The workers of a
 * channel share its sender (the SMTP connection pool, LINE's rate limiter). Other instances do the
 * same; leases keep them apart.
 */
@ApplicationScoped
public class OutboxWorkers {

    private static final Logger LOG = Logger.getLogger(OutboxWorkers.class);

    @Inject
    OutboxDrainer drainer;

    @Inject
    Messengers messengers;

    @Inject
    OutboxConfig config;

    private volatile ExecutorService pool;

    @Scheduled(every = "${koyomi.outbox.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void drain() throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        for (Messenger messenger : messengers.all()) {
            for (int w = 0; w < workers(messenger); w++) {
                running.add(pool().submit(() -> {
                    while (drainer.drainBatch(messenger) > 0) {
                        // keep going while deliveries are due
                    }
                }));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("An outbox worker stopped", e.getCause());
            }
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(
                            Math.max(1, messengers.all().stream().mapToInt(this::workers).sum()));
                }
            }
        }
        return pool;
    }

    private int workers(Messenger messenger) {
        return Math.max(1, config.workers().orElse(messenger.parallelSends()));
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** {@code koyomi.outbox.enabled=false} keeps an instance from sending (tests drive the drainer themselves). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        OutboxConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
