package jp.koyomi.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.koyomi.domain.Channel;

class ChannelChoiceTest {

    private static final ChannelChoice LINE_EMAIL_POSTAL = new ChannelChoice(
            List.of(Channel.LINE, Channel.EMAIL, Channel.POSTAL));

    private static final ChannelAccess ALL = new ChannelAccess(true, true, true, true, true, true);

    @Test
    void preferredChannelWinsWhenUsable() {
        ChannelDecision d = LINE_EMAIL_POSTAL.choose(ALL, Channel.POSTAL);

        assertEquals(Channel.POSTAL, d.channel());
        assertEquals("POSTAL: the customer's preferred channel", d.explanation());
    }

    @Test
    void withoutPreferenceTheCampaignOrderDecides() {
        assertEquals(Channel.LINE, LINE_EMAIL_POSTAL.choose(ALL, null).channel());
    }

    @Test
    void preferredChannelNotConsentedFallsBackInOrder() {
        ChannelAccess emailOnly = new ChannelAccess(true, true, false, true, false, true);

        ChannelDecision d = LINE_EMAIL_POSTAL.choose(emailOnly, Channel.LINE);

        assertEquals(Channel.EMAIL, d.channel());
        assertEquals("EMAIL: preferred LINE not consented; first usable in LINE → EMAIL → POSTAL", d.explanation());
    }

    @Test
    void consentWithoutAnAddressIsNotEnough() {
        ChannelAccess noPostalAddress = new ChannelAccess(false, false, false, false, true, false);

        ChannelDecision d = LINE_EMAIL_POSTAL.choose(noPostalAddress, Channel.POSTAL);

        assertEquals(SkipReason.NO_CONSENTED_CHANNEL, d.skipReason());
        assertEquals("no channel: LINE not consented, EMAIL not consented, POSTAL with an incomplete postal address",
                d.explanation());
    }

    @Test
    void preferredChannelTheCampaignDoesNotUseIsPassedOver() {
        ChannelDecision d = new ChannelChoice(List.of(Channel.EMAIL)).choose(ALL, Channel.LINE);

        assertEquals(Channel.EMAIL, d.channel());
        assertEquals("EMAIL: preferred LINE not used by this campaign; first usable in EMAIL", d.explanation());
    }

    @Test
    void cappedChannelIsPassedOverAndAllCappedMeansCapped() {
        assertEquals(Channel.EMAIL, LINE_EMAIL_POSTAL.choose(ALL, Channel.LINE, Set.of(Channel.LINE)).channel());

        ChannelDecision d = LINE_EMAIL_POSTAL.choose(ALL, null, Set.of(Channel.LINE, Channel.EMAIL, Channel.POSTAL));

        assertEquals(SkipReason.CAPPED, d.skipReason());
    }

    @Test
    void fallbackOrderMustNameEachChannelOnce() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelChoice(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ChannelChoice(List.of(Channel.EMAIL, Channel.EMAIL)));
    }
}
