package jp.koyomi.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.koyomi.domain.ClimateZone;

/** A prefecture as JIS X 0401 codes it, with the region and winter climate zone Koyomi targets by. */
@Schema(name = "Prefecture", requiredProperties = { "code", "name_ja", "name_romaji", "region", "climate_zone" })
public record Prefecture(int code, String nameJa, String nameRomaji, String region, ClimateZone climateZone) {

    /** The name without its 都/道/府/県 suffix ("東京", "大阪", "北海道" stays whole). */
    public String shortName() {
        return code == 1 ? nameJa : nameJa.substring(0, nameJa.length() - 1);
    }
}
