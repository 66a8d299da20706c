package jp.koyomi.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: retry n waits a random time up to first·2^(n−1), capped,
 * so a crowd of failed sends does not come back at the same instant.
 */
public record Backoff(Duration first, Duration max) {

    public Duration delayBefore(int attempt, RandomGenerator random) {
        long ceiling = first.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(ceiling <= 0 ? max.toMillis() : ceiling, max.toMillis());
        // At least half the step, so retries still spread out over time as attempts grow.
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
