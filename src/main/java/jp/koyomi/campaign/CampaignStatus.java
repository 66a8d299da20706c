package jp.koyomi.campaign;

/** A campaign's life: drafted, running on its cadence, paused, or put away. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, ARCHIVED
}
