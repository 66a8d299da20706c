package jp.koyomi.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The settings in force now: for each, the value set in the environment or configuration, else the
 * one stored by an admin, else the default. Immutable; a change makes a new instance, so a reader
 * that keeps derived state (a built footer) can tell by identity that it is stale.
 *
 * @param replyTo           null for no Reply-To header
 * @param capMax            marketing messages per customer in any {@code capWindow}, across campaigns
 * @param quietHoursOff     true when messages may go out at any hour
 */
public record EffectiveSettings(String fromName, String fromAddress, String replyTo, String legalName,
        String postalAddress, String contact, int capMax, Duration capWindow, LocalTime quietOpens,
        LocalTime quietCloses, ZoneId quietZone, boolean quietHoursOff) {
}
