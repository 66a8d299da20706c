package jp.koyomi.common;

import java.util.List;

/**
 * One keyset page of a listing ordered by id: pass {@code next_after} back as {@code after} for the
 * following page; it is null on the last page.
 */
public record KeysetPage<T>(List<T> items, Long nextAfter) {

    public static final int MAX_LIMIT = 500;

    /** Checks a requested page size the same way for every listing. */
    public static int limit(int requested) {
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
