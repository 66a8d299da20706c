package jp.koyomi.domain;

/** Where a customer lives, by winter: the zone of their prefecture (see docs/prefectures.md). */
public enum ClimateZone {
    COLD, TEMPERATE, WARM
}
