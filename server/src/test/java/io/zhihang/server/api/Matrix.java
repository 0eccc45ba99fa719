package io.zhihang.server.api;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.notNullValue;

/** Small client for the API tests: fresh users, logins and authenticated requests over real HTTP. */
final class Matrix {
    static final String V3 = "/_matrix/client/v3";
    static final String R0 = "/_matrix/client/r0";
    static final String PASSWORD = "correct horse battery staple";
    /** {@code zhihang.registration.shared-secret} in the test profile (application.properties). */
    static final String SHARED_SECRET = "test-shared-secret";
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

    /** A fresh server admin, made with Synapse's shared-secret registration. */
    static Session registerAdmin(String prefix) {
        String name = freshName(prefix);
        String nonce = RestAssured.get("/_synapse/admin/v1/register").then().statusCode(200).extract().path("nonce");
        return Session.from(json().body(Map.of("nonce", nonce, "username", name, "password", PASSWORD, "admin", true,
                        "mac", sharedSecretMac(nonce, name, PASSWORD, true)))
                .post("/_synapse/admin/v1/register").then().statusCode(200));
    }

    /** Synapse's HMAC-SHA1 over nonce, user, password and admin flag, NUL-separated. */
    static String sharedSecretMac(String nonce, String user, String password, boolean admin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SHARED_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String message = nonce + "\0" + user + "\0" + password + "\0" + (admin ? "admin" : "notadmin");
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
