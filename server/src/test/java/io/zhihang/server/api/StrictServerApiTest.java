package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(StrictServerProfile.class)
class StrictServerApiTest {

    private static io.restassured.specification.RequestSpecification from(String ip) {
        return json().header("X-Forwarded-For", ip);
    }

    private static Matrix.Session registerWithToken(String name) {
        String ip = "10.7." + (name.hashCode() & 0xff) + "." + ((name.hashCode() >> 8) & 0xff);
        String session = from(ip).body(Map.of("username", name, "password", PASSWORD))
                .post(V3 + "/register").then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.registration_token"))
                .extract().path("session");
        from(ip).body(Map.of("username", name, "password", PASSWORD,
                        "auth", Map.of("type", "m.login.registration_token", "token", "wrong", "session", session)))
                .post(V3 + "/register").then().statusCode(401).body("errcode", equalTo("M_UNAUTHORIZED"));
        return Matrix.Session.from(from(ip).body(Map.of("username", name, "password", PASSWORD,
                        "auth", Map.of("type", "m.login.registration_token", "token", "let-me-in", "session", session)))
                .post(V3 + "/register").then().statusCode(200));
    }

    @Test
    void registration_needs_a_valid_token() {
        json().body(Map.of("username", Matrix.freshName("dummy"), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(401).body("errcode", equalTo("M_UNRECOGNIZED"));
        registerWithToken(Matrix.freshName("tok"));
    }

    @Test
    void repeated_failed_logins_hit_the_rate_limit() {
        String name = Matrix.freshName("brute");
        registerWithToken(name);
        int status = 0;
        for (int i = 0; i < 5 && status != 429; i++) {
            status = json().header("X-Forwarded-For", "10.9.9." + i)
                    .body(Map.of("type", "m.login.password", "user", name, "password", "guess" + i))
                    .post(V3 + "/login").then().extract().statusCode();
        }
        from("10.6.6.6").body(Map.of("type", "m.login.password", "user", name, "password", PASSWORD))
                .post(V3 + "/login").then().statusCode(429)
                .body("errcode", equalTo("M_LIMIT_EXCEEDED"))
                .body("retry_after_ms", greaterThan(0))
                .header("Retry-After", notNullValue());
    }

    @Test
    void guessing_the_password_through_user_interactive_auth_is_rate_limited_too() {
        Matrix.Session alice = registerWithToken(Matrix.freshName("uiaguess"));
        int status = 0;
        for (int i = 0; i < 5 && status != 429; i++) {
            status = Matrix.as(alice).body(Map.of("new_password", "x",
                            "auth", Matrix.passwordAuth(alice, "guess" + i, null)))
                    .post(V3 + "/account/password").then().extract().statusCode();
        }
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(429);
    }

    @Test
    void oversized_bodies_are_refused_with_too_large() {
        json().body(Map.of("type", "m.login.password", "user", "x", "password", "y".repeat(5000)))
                .post(V3 + "/login").then().statusCode(413).body("errcode", equalTo("M_TOO_LARGE"));
    }

    @Test
    void an_expired_refreshable_token_is_a_soft_logout_and_refresh_renews_it() {
        String name = Matrix.freshName("soft");
        registerWithToken(name);
        var login = from("10.8.8.8").body(Map.of("type", "m.login.password", "user", name, "password", PASSWORD,
                "refresh_token", true)).post(V3 + "/login").then().statusCode(200).extract().jsonPath();
        RestAssured.given().header("Authorization", "Bearer " + login.getString("access_token"))
                .get(V3 + "/account/whoami").then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN"))
                .body("soft_logout", equalTo(true));
        json().body(Map.of("refresh_token", login.getString("refresh_token"))).post(V3 + "/refresh")
                .then().statusCode(200).body("refresh_token", notNullValue());
    }

    @Test
    void media_creation_is_rate_limited_per_user_and_uploads_pass_the_small_body_limit() {
        var user = registerWithToken(Matrix.freshName("media-rate"));
        var other = registerWithToken(Matrix.freshName("media-rate-b"));
        byte[] body = new byte[8192]; // over zhihang.http.max-request-bytes, under the upload limit
        Matrix.as(user).contentType("application/octet-stream").body(body).post("/_matrix/media/v3/upload").then()
                .statusCode(200);
        Matrix.as(user).post("/_matrix/media/v1/create").then().statusCode(200);
        Matrix.as(user).contentType("application/octet-stream").body(body).post("/_matrix/media/v3/upload").then()
                .statusCode(200);
        Matrix.as(user).contentType("application/octet-stream").body(body).post("/_matrix/media/v3/upload").then()
                .statusCode(429).body("errcode", equalTo("M_LIMIT_EXCEEDED")).body("retry_after_ms", greaterThan(0));
        Matrix.as(user).post("/_matrix/media/v1/create").then().statusCode(429);
        Matrix.as(other).post("/_matrix/media/v1/create").then().statusCode(200);
    }
}
