package jp.koyomi.domain;

/** The ways Koyomi can reach a customer. */
public enum Channel {
    EMAIL, LINE, POSTAL
}
