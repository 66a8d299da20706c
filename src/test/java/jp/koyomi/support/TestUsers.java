package jp.koyomi.support;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;

/** Users of every role, created once per test application through the admin API. */
public final class TestUsers {

    public static final String ADMIN_PASSWORD = "test-admin-pw";
    public static final String PASSWORD = "test-password-1";
    private static volatile boolean created;

    /** Import files are UTF-8; RestAssured would otherwise send text/csv as ISO-8859-1. */
    private static EncoderConfig utf8() {
        return EncoderConfig.encoderConfig().defaultContentCharset("UTF-8").defaultCharsetForContentType("UTF-8",
                "text/csv");
    }

    private static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().encoderConfig(utf8()));
    }

    private TestUsers() {
    }

    public static RequestSpecification as(String role) {
        ensureCreated();
        return role.equals("admin") ? given().auth().preemptive().basic("admin", ADMIN_PASSWORD)
                : given().auth().preemptive().basic(role + "-user", PASSWORD);
    }

    public static RequestSpecification anonymous() {
        return given();
    }

    private static synchronized void ensureCreated() {
        if (created) {
            return;
        }
        for (String role : new String[] { "marketer", "viewer" }) {
            int status = given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                    .body("{\"username\":\"" + role + "-user\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}")
                    .post("/api/v1/users").statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot create the " + role + " test user: HTTP " + status);
            }
        }
        created = true;
    }
}
