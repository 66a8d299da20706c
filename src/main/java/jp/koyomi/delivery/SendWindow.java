package jp.koyomi.delivery;

import java.time.Instant;

/**
 * The hours messages may reach customers (the run's quiet hours). Provided by the {@code run}
 * package, which owns the setting, so the outbox applies the same window to every attempt.
 */
@FunctionalInterface
public interface SendWindow {

    /** {@code now} when the window is open, else when it next opens. */
    Instant nextOpening(Instant now);

    default boolean isOpen(Instant now) {
        return !nextOpening(now).isAfter(now);
    }
}
