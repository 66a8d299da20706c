package jp.koyomi.channel.line;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket that paces LINE pushes to this instance's share of the channel's limit (LINE
 * allows 2,000 push requests/s per channel). Share one instance among all LINE workers of a process.
 * Callers reserve a slot and wait for it, so waiting workers go out in order and never in a burst.
 */
public final class PushRateLimiter {

    private final double permitsPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double available;
    private long last;

    /**
     * @param permitsPerSecond pushes per second, e.g. 1,000 for half of LINE's cap
     * @param burst            pushes allowed at once after a quiet spell
     */
    public PushRateLimiter(double permitsPerSecond, int burst) {
        this(permitsPerSecond, burst, System::nanoTime);
    }

    PushRateLimiter(double permitsPerSecond, int burst, LongSupplier nanoTime) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive: " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.permitsPerNano = permitsPerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.available = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Waits until this caller may push. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Takes the next slot and returns how long to wait for it, in nanoseconds. */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        available = Math.min(burst, available + (now - last) * permitsPerNano);
        last = now;
        available -= 1;
        return available >= 0 ? 0 : (long) Math.ceil(-available / permitsPerNano);
    }
}
