package jp.koyomi.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import jp.koyomi.support.TestUsers;

@QuarkusTest
class FormLoginTest {

    @Test
    void shouldLetTheUiSessionCallTheApiAfterSigningIn() {
        Cookie session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().detailedCookie("quarkus-credential");
        given().cookie(session).get("/api/v1/users/me").then().statusCode(200).body("username", equalTo("admin"))
                .body("role", equalTo("admin"));
    }

    @Test
    void shouldSendAWrongPasswordBackToTheLoginPage() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "wrong").post("/j_security_check").then()
                .statusCode(302).header("location", org.hamcrest.Matchers.containsString("/login.html?error=1"));
    }
}
