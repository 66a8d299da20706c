package jp.koyomi.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A brand's customer as stored. Written by imports (in JDBC batches), read here. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public Long id;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name_kana")
    public String familyNameKana;
    @Column(name = "given_name_kana")
    public String givenNameKana;
    public String email;
    @Column(name = "line_user_id")
    public String lineUserId;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "prefecture_code")
    public Integer prefectureCode;
    public String city;
    public String address1;
    public String address2;
    public LocalDate birthday;
    public int points;
    @Column(name = "points_expire_on")
    public LocalDate pointsExpireOn;
    public String topics;
    @Column(name = "email_consent")
    public boolean emailConsent;
    @Column(name = "email_consent_at")
    public OffsetDateTime emailConsentAt;
    @Column(name = "email_consent_source")
    public String emailConsentSource;
    @Column(name = "line_consent")
    public boolean lineConsent;
    @Column(name = "line_consent_at")
    public OffsetDateTime lineConsentAt;
    @Column(name = "line_consent_source")
    public String lineConsentSource;
    @Column(name = "postal_consent")
    public boolean postalConsent;
    @Column(name = "postal_consent_at")
    public OffsetDateTime postalConsentAt;
    @Column(name = "postal_consent_source")
    public String postalConsentSource;
    @Column(name = "preferred_channel")
    public String preferredChannel;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
