package jp.koyomi.domain;

/** The climate a product is made for; {@link #ALL} suits every zone. */
public enum Climate {
    COLD, TEMPERATE, WARM, ALL;

    public boolean suits(ClimateZone zone) {
        return this == ALL || name().equals(zone.name());
    }
}
