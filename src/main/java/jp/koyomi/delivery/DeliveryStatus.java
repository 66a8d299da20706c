package jp.koyomi.delivery;

/** Where a delivery is: waiting (or deferred, or between retries), out, given up, or withheld. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, SKIPPED
}
