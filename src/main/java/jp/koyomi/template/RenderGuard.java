package jp.koyomi.template;

import java.lang.management.ManagementFactory;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;

/**
 * Watches one render from inside FreeMarker: it is told about every element the template enters
 * (each statement, interpolation, loop pass and macro call), so it can stop a template that nests
 * too deeply (a macro calling itself), allocates too much memory (a string doubled in a loop or
 * statement after statement) or runs too long (the watchdog of {@link RenderLimits} interrupts the
 * thread; this makes the interruption felt between any two statements, not only in loops), before
 * the JVM is hurt. Memory is measured as the bytes this thread allocated since the render
 * started, which HotSpot counts per thread (about as cheap as reading the clock).
 */
final class RenderGuard implements TemplateProcessingTracer {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final long maxBytes;
    private final int maxDepth;
    private final long startBytes;
    private int depth;
    private TracedElement current;

    RenderGuard(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.startBytes = allocated();
    }

    /** A template stopped by a limit, at the element where it was stopped. */
    static final class LimitExceeded extends RuntimeException {
        private final transient TracedElement where;

        LimitExceeded(String message, TracedElement where) {
            super(message, null, false, false);
            this.where = where;
        }

        TracedElement where() {
            return where;
        }
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
        current = element;
        if (++depth > maxDepth) {
            throw new LimitExceeded("nests deeper than " + maxDepth + " levels (does a macro or function call itself?)",
                    element);
        }
        if (THREADS != null && allocated() - startBytes > maxBytes) {
            throw new LimitExceeded("needs more than " + maxBytes / (1024 * 1024) + " MB of memory to render (a loop "
                    + "running away, or a text or list growing in a loop?)", element);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new LimitExceeded("took longer than the time limit", element);
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    /** The element last entered: where a limit watched from outside (output size, the time watchdog) was hit. */
    TracedElement current() {
        return current;
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return t;
        }
        return null;
    }
}
