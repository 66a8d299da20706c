package jp.koyomi.delivery;

/**
 * Where a delivery is: waiting (or deferred, or between retries), out, given up, withheld, too old
 * to send, or withheld because what it offers sold out since the run (docs/operations.md).
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, SKIPPED, EXPIRED, SOLD_OUT_BEFORE_SEND
}
