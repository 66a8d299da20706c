package jp.koyomi.user;

import java.util.Set;

/**
 * The three roles of the API. Each includes the ones below it: an admin is also a marketer and a
 * viewer, a marketer also a viewer, so endpoints name only the least role they need.
 */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String MARKETER = "marketer";
    public static final String VIEWER = "viewer";

    private Role() {
    }

    public static Set<String> all() {
        return Set.of(ADMIN, MARKETER, VIEWER);
    }

    /** The role itself and every role it includes. */
    public static Set<String> expand(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, MARKETER, VIEWER);
            case MARKETER -> Set.of(MARKETER, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            default -> Set.of();
        };
    }
}
