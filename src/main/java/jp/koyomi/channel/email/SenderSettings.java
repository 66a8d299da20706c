package jp.koyomi.channel.email;

import java.util.Objects;

/**
 * Who sends the brand's email, and what 特定電子メール法 requires every marketing email to say
 * about them.
 *
 * @param fromAddress       envelope and header sender; its domain also names the Message-ID
 * @param fromName          display name of From, e.g. "暦ストア"
 * @param legalName         the sender's legal name for the footer (送信者の氏名又は名称), e.g. "株式会社暦"
 * @param postalAddress     the sender's postal address for the footer (住所)
 * @param contact           where complaints and questions go: phone, email or URL (苦情・問合せ先)
 * @param unsubscribeMailto address for a mailto List-Unsubscribe next to the HTTPS one, or null for none
 * @param replyTo           where replies go (Reply-To), or null for the From address
 */
public record SenderSettings(String fromAddress, String fromName, String legalName, String postalAddress,
        String contact, String unsubscribeMailto, String replyTo) {

    /** Without Reply-To. */
    public SenderSettings(String fromAddress, String fromName, String legalName, String postalAddress, String contact,
            String unsubscribeMailto) {
        this(fromAddress, fromName, legalName, postalAddress, contact, unsubscribeMailto, null);
    }

    public SenderSettings {
        requireText(fromAddress, "fromAddress");
        requireText(legalName, "legalName");
        requireText(postalAddress, "postalAddress");
        requireText(contact, "contact");
        if (fromAddress.indexOf('@') < 1) {
            throw new IllegalArgumentException("fromAddress must be an email address: " + fromAddress);
        }
        if (replyTo != null && replyTo.indexOf('@') < 1) {
            throw new IllegalArgumentException("replyTo must be an email address: " + replyTo);
        }
    }

    /** The domain of {@link #fromAddress}, the right-hand side of every Message-ID. */
    public String domain() {
        return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
