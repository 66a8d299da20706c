package jp.koyomi.domain;

/** Where a product style is in its life: on sale, being phased out, or gone. */
public enum Lifecycle {
    ACTIVE, DISCONTINUING, DISCONTINUED
}
