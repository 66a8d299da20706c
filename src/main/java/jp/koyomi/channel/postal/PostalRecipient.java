package jp.koyomi.channel.postal;

import java.util.Map;

/**
 * One addressee of a DM file, with the template's fields. {@code company} set and no person's
 * name means an organisation, addressed 御中; otherwise a person, 様.
 */
public record PostalRecipient(long deliveryId, String externalId, String postalCode, String prefecture, String city,
        String address1, String address2, String company, String familyName, String givenName,
        Map<String, String> fields) {
}
