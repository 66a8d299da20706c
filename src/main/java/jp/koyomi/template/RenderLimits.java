package jp.koyomi.template;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps a runaway template from hanging a run: output is capped, and a watchdog interrupts the
 * rendering thread when a message's render outlives the time limit (templates are compiled with FreeMarker's interruption
 * checks in every loop, so even a loop that writes nothing stops).
 */
final class RenderLimits {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "template-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeLimit;
    private final int maxChars;

    RenderLimits(Duration timeLimit, int maxChars) {
        this.timeLimit = timeLimit;
        this.maxChars = maxChars;
    }

    int maxChars() {
        return maxChars;
    }

    /**
     * Runs {@code render} on this thread, interrupting it if it outlives the limit. One alarm covers a
     * whole message, all of its parts: scheduling and cancelling it costs more than rendering a short part.
     */
    <T> T within(Supplier<T> render) {
        Thread self = Thread.currentThread();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(self::interrupt, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return render.get();
        } finally {
            alarm.cancel(false);
            Thread.interrupted();
        }
    }

    /** A writer that refuses output beyond the limit. */
    static final class CappedWriter extends Writer {
        private final StringBuilder out = new StringBuilder(1024);
        private final int max;

        CappedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            if (out.length() + len > max) {
                throw new IOException("output larger than " + max + " characters");
            }
            out.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (out.length() + len > max) {
                throw new IOException("output larger than " + max + " characters");
            }
            out.append(s, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
