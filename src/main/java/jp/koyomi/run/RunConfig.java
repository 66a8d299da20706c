package jp.koyomi.run;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jp.koyomi.domain.Channel;

@ConfigMapping(prefix = "koyomi.runs")
public interface RunConfig {

    /** Customers per batch: one transaction writes their decisions, deliveries and the checkpoint. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How long a worker holds a slice of a run between batches; another instance takes over a dead
     * one's slice after this. A batch transaction may last at most half of it.
     */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Most customers per slice, the unit that threads and instances share a run by; an audience
     * larger than one slice is cut into 32 at least.
     */
    @WithDefault("20000")
    int sliceSize();

    /**
     * How often the workers look for due runs and open slices (a Quarkus scheduler interval; {@code off}
     * never). A run queued by hand on this instance starts at once whatever it is.
     */
    @WithDefault("5s")
    String poll();

    /** Threads of this instance that execute slices at once. */
    @WithDefault("2")
    int threads();

    /**
     * This instance's name as the owner of slices; stable across restarts so a restarted instance
     * takes its own slices back at once. Defaults to the host name; set it when several instances
     * share a host.
     */
    Optional<String> instanceId();

    /** How far back offer history is read for "no repeats" rules. */
    @WithDefault("P90D")
    Duration offerHistoryWindow();

    Cap cap();

    Quiet quietHours();

    /**
     * At most {@code max} marketing messages per customer in any {@code window}, across all campaigns.
     * {@code max} and {@code window}, like the quiet hours, are read through jp.koyomi.settings, where a
     * value an admin saved applies unless one is set here; this mapping declares them and their defaults.
     */
    interface Cap {
        @WithDefault("2")
        int max();

        @WithDefault("P7D")
        Duration window();

        /** Optional tighter caps per channel, e.g. {@code koyomi.runs.cap.per-channel.POSTAL=1}. */
        Map<Channel, Integer> perChannel();
    }

    /** Quiet hours; like the cap, read through jp.koyomi.settings (stored values apply unless set here). */
    interface Quiet {
        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("21:00")
        LocalTime closes();

        @WithDefault("Asia/Tokyo")
        ZoneId zone();

        Optional<Boolean> disabled();
    }
}
