package jp.koyomi.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.koyomi.region.Prefecture;

/** A customer as the API shows it: consents with when and how they changed, and the sizes derived from orders. */
@Schema(name = "Customer", requiredProperties = { "external_id", "family_name" })
public record CustomerView(String externalId, String familyName, String givenName, String familyNameKana,
        String givenNameKana, String email, String lineUserId, String postalCode, PrefectureRef prefecture, String city,
        String address1, String address2, LocalDate birthday, int points, LocalDate pointsExpireOn, List<String> topics,
        Map<String, Consent> consents, String preferredChannel, Map<String, String> sizes, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record PrefectureRef(int code, String name) {
    }

    public record Consent(boolean granted, OffsetDateTime changedAt, String source) {
    }

    static CustomerView of(Customer c, Prefecture prefecture, Map<String, String> sizes) {
        return new CustomerView(c.externalId, c.familyName, c.givenName, c.familyNameKana, c.givenNameKana, c.email,
                c.lineUserId, c.postalCode == null ? null : c.postalCode.substring(0, 3) + "-" + c.postalCode.substring(3),
                prefecture == null ? null : new PrefectureRef(prefecture.code(), prefecture.nameJa()), c.city, c.address1,
                c.address2, c.birthday, c.points, c.pointsExpireOn,
                c.topics == null ? List.of() : Arrays.asList(c.topics.split(";")),
                Map.of("email", new Consent(c.emailConsent, c.emailConsentAt, c.emailConsentSource),
                        "line", new Consent(c.lineConsent, c.lineConsentAt, c.lineConsentSource),
                        "postal", new Consent(c.postalConsent, c.postalConsentAt, c.postalConsentSource)),
                c.preferredChannel, sizes, c.createdAt, c.updatedAt);
    }
}
