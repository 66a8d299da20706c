package jp.koyomi.channel.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PushRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PushRateLimiter limiter = new PushRateLimiter(10, 2, now::get);

    @Test
    void shouldLetTheBurstThroughAndSpaceTheRestAtTheConfiguredRate() {
        assertEquals(0, limiter.reserve());
        assertEquals(0, limiter.reserve());
        assertEquals(100_000_000L, limiter.reserve());
        assertEquals(200_000_000L, limiter.reserve());
    }

    @Test
    void shouldRefillWithTimeButNeverBeyondTheBurst() {
        limiter.reserve();
        limiter.reserve();
        now.addAndGet(60_000_000_000L); // a quiet minute

        assertEquals(0, limiter.reserve());
        assertEquals(0, limiter.reserve());
        assertEquals(100_000_000L, limiter.reserve());
    }

    @Test
    void shouldRefuseNonsenseRates() {
        assertThrows(IllegalArgumentException.class, () -> new PushRateLimiter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PushRateLimiter(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new PushRateLimiter(10, 0));
    }
}
