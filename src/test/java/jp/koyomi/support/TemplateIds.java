package jp.koyomi.support;

import static jp.koyomi.support.TestUsers.as;

import java.util.List;

/** Ids of shipped message templates, for campaigns made in tests (a campaign refuses a partial or another channel's template). */
public final class TemplateIds {

    private TemplateIds() {
    }

    /** The latest version of the shipped weekly newsletter's email template. */
    public static long email() {
        return latest("weekly-newsletter", "EMAIL");
    }

    /** The latest version of the shipped weekly newsletter's LINE template. */
    public static long line() {
        return latest("weekly-newsletter", "LINE");
    }

    private static long latest(String name, String channel) {
        List<Number> ids = as("viewer").get("/api/v1/templates/" + name + "/" + channel + "/versions").then()
                .statusCode(200).extract().path("id");
        return ids.stream().mapToLong(Number::longValue).max().orElseThrow();
    }
}
