package jp.koyomi.preview;

import jp.koyomi.customer.Customer;
import jp.koyomi.domain.Channel;
import jp.koyomi.region.Prefecture;
import jp.koyomi.template.MessageContext;
import jp.koyomi.template.SampleContexts;

/**
 * Whom a preview is addressed to: a stored customer, or the sample customer templates are checked
 * with (id 0, which no customer has: its unsubscribe link is signed but answers "no such recipient").
 */
record Addressee(long customerId, String externalId, MessageContext.Customer templateCustomer, String familyName,
        String givenName, String email, String lineUserId, String postalCode, String prefecture, String city,
        String address1, String address2, boolean emailConsent, boolean lineConsent, boolean postalConsent) {

    static Addressee sample() {
        MessageContext.Customer c = SampleContexts.full().customer();
        return new Addressee(0, null, c, c.familyName(), c.givenName(), "aoki.hina@example.jp",
                "U0123456789abcdef0123456789abcdef", "0600001", c.prefecture(), "札幌市中央区北一条西", "2丁目1-1", null,
                true, true, true);
    }

    /** @param prefecture the customer's prefecture, or null */
    static Addressee of(Customer c, Prefecture prefecture) {
        String prefectureName = prefecture == null ? null : prefecture.nameJa();
        return new Addressee(c.id, c.externalId, new MessageContext.Customer(c.familyName, c.givenName,
                c.familyNameKana, c.givenNameKana, prefectureName, c.points, c.pointsExpireOn), c.familyName, c.givenName,
                c.email, c.lineUserId, c.postalCode, prefectureName, c.city, c.address1, c.address2, c.emailConsent,
                c.lineConsent, c.postalConsent);
    }

    boolean isSample() {
        return externalId == null;
    }

    /** The To header's display name, as the outbox makes it for a send ("青木 陽菜"). */
    String displayName() {
        return familyName + (givenName == null ? "" : " " + givenName);
    }

    /** The customer's address on a channel (email address, LINE user id, postal code), or null. */
    String address(Channel channel) {
        String address = switch (channel) {
            case EMAIL -> email;
            case LINE -> lineUserId;
            case POSTAL -> postalCode;
        };
        return address == null || address.isBlank() ? null : address;
    }

    MessagePreview.Recipient recipient(Channel channel) {
        boolean consented = switch (channel) {
            case EMAIL -> emailConsent;
            case LINE -> lineConsent;
            case POSTAL -> postalConsent;
        };
        return new MessagePreview.Recipient(externalId, isSample(), isSample() ? null : consented,
                address(channel) != null);
    }
}
