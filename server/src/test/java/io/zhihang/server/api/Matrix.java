package io.zhihang.server.api;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.notNullValue;

/** Small client for the API tests: fresh users, logins and authenticated requests over real HTTP. */
final class Matrix {
    static final String V3 = "/_matrix/client/v3";
    static final String R0 = "/_matrix/client/r0";
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Matrix() {
    }

    /** A username nobody has used in this test run (the database is shared by the test classes). */
    static String freshName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification json() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    static RequestSpecification as(Session session) {
        return json().header("Authorization", "Bearer " + session.accessToken());
    }

    /** Registers a user in one step (auth dummy) and returns its first session. */
    static Session register(String username) {
        ValidatableResponse r = json()
                .body(Map.of("username", username, "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register")
                .then().statusCode(200).body("access_token", notNullValue());
        return Session.from(r);
    }

    static Session registerFresh(String prefix) {
        return register(freshName(prefix));
    }

    static Session login(String user, String password) {
        return Session.from(json()
                .body(Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", user),
                        "password", password))
                .post(V3 + "/login")
                .then().statusCode(200));
    }

    static Map<String, Object> passwordAuth(Session session, String password, String uiaSession) {
        return uiaSession == null
                ? Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", session.userId()),
                        "password", password)
                : Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", session.userId()),
                        "password", password, "session", uiaSession);
    }

    record Session(String userId, String accessToken, String deviceId, String refreshToken) {
        static Session from(ValidatableResponse r) {
            var body = r.extract().jsonPath();
            return new Session(body.getString("user_id"), body.getString("access_token"), body.getString("device_id"),
                    body.getString("refresh_token"));
        }

        String localpart() {
            return userId.substring(1, userId.indexOf(':'));
        }
    }
}
