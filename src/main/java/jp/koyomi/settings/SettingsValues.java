package jp.koyomi.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The editable settings as the API shows and takes them. In a PUT, a field left out or null has no
 * stored value any more (its configured or default value applies again); a field fixed by the
 * environment may be sent only with its current value.
 */
@Schema(name = "SettingsValues")
public record SettingsValues(Sender sender, LegalFooter legalFooter, FrequencyCap frequencyCap, QuietHours quietHours) {

    @Schema(name = "SenderSettings", description = "Who marketing email comes from")
    public record Sender(@Schema(description = "Display name of From", examples = "こよみアパレル") String fromName,
            @Schema(examples = "news@koyomi-apparel.example") String fromAddress,
            @Schema(description = "Reply-To address; null for none", examples = "support@koyomi-apparel.example") String replyTo) {
    }

    @Schema(name = "LegalFooter", description = "The footer 特定電子メール法 requires in every marketing email")
    public record LegalFooter(@Schema(description = "送信者の氏名又は名称", examples = "株式会社こよみアパレル") String legalName,
            @Schema(description = "送信者の住所", examples = "〒150-0001 東京都渋谷区神宮前1丁目2-3") String postalAddress,
            @Schema(description = "苦情・問合せ先: phone, email or URL", examples = "support@koyomi-apparel.example") String contact) {
    }

    @Schema(name = "FrequencyCapSettings", description = "At most max marketing messages per customer in any window, across all campaigns")
    public record FrequencyCap(@Schema(minimum = "1", maximum = "100", examples = "2") Integer max,
            @Schema(description = "ISO-8601 duration from PT1H to P366D", examples = "P7D") String window) {
    }

    @Schema(name = "QuietHoursSettings", description = "Messages reach customers only from opens to closes; deliveries made outside wait")
    public record QuietHours(@Schema(description = "HH:MM", examples = "08:00") String opens,
            @Schema(description = "HH:MM, after opens", examples = "21:00") String closes,
            @Schema(description = "IANA time zone", examples = "Asia/Tokyo") String zone,
            @Schema(description = "true: messages go out at any hour", examples = "false") Boolean disabled) {
    }
}
