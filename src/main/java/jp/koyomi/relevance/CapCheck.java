package jp.koyomi.relevance;

/** The frequency cap's answer for one customer: allowed, or CAPPED with the line that says why. */
public record CapCheck(boolean allowed, String explanation) {

    /** CAPPED when not allowed, null otherwise. */
    public SkipReason skipReason() {
        return allowed ? null : SkipReason.CAPPED;
    }
}
