package jp.koyomi.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Channel;

class FrequencyCapTest {

    private static final FrequencyCap TWO_A_WEEK_ONE_POSTAL = new FrequencyCap(Duration.ofDays(7), 2, Map.of(Channel.POSTAL, 1));

    @Test
    void allowsBelowTheOverallCap() {
        CapCheck check = TWO_A_WEEK_ONE_POSTAL.check(new MessageCounts(1, Map.of(Channel.EMAIL, 1)), Channel.EMAIL);

        assertTrue(check.allowed());
        assertNull(check.skipReason());
    }

    @Test
    void capsAtTheOverallCapWhateverTheChannel() {
        CapCheck check = TWO_A_WEEK_ONE_POSTAL.check(new MessageCounts(2, Map.of(Channel.LINE, 2)), Channel.EMAIL);

        assertEquals(SkipReason.CAPPED, check.skipReason());
        assertEquals("capped: 2 marketing messages in the last 7 days, at most 2", check.explanation());
    }

    @Test
    void capsAChannelAtItsOwnCap() {
        MessageCounts onePostal = new MessageCounts(1, Map.of(Channel.POSTAL, 1));

        assertFalse(TWO_A_WEEK_ONE_POSTAL.check(onePostal, Channel.POSTAL).allowed());
        assertTrue(TWO_A_WEEK_ONE_POSTAL.check(onePostal, Channel.EMAIL).allowed());
        assertEquals(Set.of(Channel.POSTAL), TWO_A_WEEK_ONE_POSTAL.cappedChannels(onePostal));
    }

    @Test
    void noOverallCapMeansOnlyChannelCapsApply() {
        FrequencyCap channelOnly = new FrequencyCap(Duration.ofDays(30), null, Map.of(Channel.LINE, 4));

        assertTrue(channelOnly.check(new MessageCounts(100, Map.of())).allowed());
        assertFalse(channelOnly.check(new MessageCounts(4, Map.of(Channel.LINE, 4)), Channel.LINE).allowed());
    }

    @Test
    void zeroCapAllowsNothing() {
        assertFalse(new FrequencyCap(Duration.ofDays(7), 0, null).check(MessageCounts.NONE).allowed());
    }

    @Test
    void windowStartsThatManyDaysBeforeTheRun() {
        assertEquals(Instant.parse("2026-02-03T01:00:00Z"), TWO_A_WEEK_ONE_POSTAL.windowStart(Fixtures.RUN_AT));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new FrequencyCap(Duration.ZERO, 2, null));
        assertThrows(IllegalArgumentException.class, () -> new FrequencyCap(Duration.ofDays(7), -1, null));
        assertThrows(IllegalArgumentException.class, () -> new FrequencyCap(Duration.ofDays(7), 2, Map.of(Channel.LINE, -1)));
    }

    @Test
    void aCampaignsOwnCapTightensTheGlobalOneButNeverLoosensIt() {
        FrequencyCap global = new FrequencyCap(Duration.ofDays(7), 2, Map.of(Channel.POSTAL, 1));

        FrequencyCap tighter = global.tightenedTo(1, Map.of(Channel.LINE, 0, Channel.POSTAL, 3));

        assertEquals(new FrequencyCap(Duration.ofDays(7), 1, Map.of(Channel.POSTAL, 1, Channel.LINE, 0)), tighter);
        assertEquals(global, global.tightenedTo(5, null));
        assertEquals(new FrequencyCap(Duration.ofDays(7), 3, Map.of()), new FrequencyCap(Duration.ofDays(7), null, Map.of()).tightenedTo(3, Map.of()));
    }

    @Test
    void shouldCapWithinAWindowShorterThanADay() {
        FrequencyCap twiceIn12Hours = new FrequencyCap(Duration.ofHours(12), 2, null);
        Instant runAt = Instant.parse("2026-11-26T09:00:00Z");

        assertEquals(Instant.parse("2026-11-25T21:00:00Z"), twiceIn12Hours.windowStart(runAt));
        CapCheck capped = twiceIn12Hours.check(new MessageCounts(2, Map.of(Channel.EMAIL, 2)), Channel.EMAIL);
        assertFalse(capped.allowed());
        assertTrue(capped.explanation().contains("in the last 12 hours"), capped.explanation());
    }
}
