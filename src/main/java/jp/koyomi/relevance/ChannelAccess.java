package jp.koyomi.relevance;

import jp.koyomi.domain.Channel;

/**
 * Per channel: did the customer consent, and is there somewhere to send it. Both are needed.
 *
 * @param emailAddress          an email address is on file
 * @param lineUserId            a LINE user id is on file (they follow the official account)
 * @param postalAddressComplete postal code, prefecture, city and street line are all present
 */
public record ChannelAccess(boolean emailConsent, boolean emailAddress, boolean lineConsent, boolean lineUserId,
        boolean postalConsent, boolean postalAddressComplete) {

    public static final ChannelAccess NONE = new ChannelAccess(false, false, false, false, false, false);

    public boolean consented(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailConsent;
            case LINE -> lineConsent;
            case POSTAL -> postalConsent;
        };
    }

    public boolean addressable(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailAddress;
            case LINE -> lineUserId;
            case POSTAL -> postalAddressComplete;
        };
    }

    public boolean usable(Channel channel) {
        return consented(channel) && addressable(channel);
    }
}
