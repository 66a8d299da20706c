package jp.koyomi.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous deadline: the only kind of waiting the tests and the fault suite do. */
public final class Poll {

    private Poll() {
    }

    /** Checks {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code deadline}. */
    public static Duration until(String what, Duration deadline, BooleanSupplier condition) {
        Instant start = Instant.now();
        Instant end = start.plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not reached within " + deadline.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50); // the poll interval, not a stand-in for the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
        return Duration.between(start, Instant.now());
    }
}
