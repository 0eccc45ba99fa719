package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Synapse's registration token admin API, and registration enforcing what it sets: uses allowed, completed uses,
 * expiry; the tokens of the configuration keep working beside them.
 */
@QuarkusTest
@TestProfile(RegistrationTokensProfile.class)
class AdminRegistrationTokensApiTest {
    private static final String TOKENS = "/_synapse/admin/v1/registration_tokens";
    private static final String VALIDITY = "/_matrix/client/v1/register/m.login.registration_token/validity";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static String fresh() {
        return "tok-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Matrix.Session registerWith(String token) {
        return Matrix.Session.from(tryRegister(token).then().statusCode(200));
    }

    private static io.restassured.response.Response tryRegister(String token) {
        return json().body(Map.of("username", Matrix.freshName("joiner"), "password", PASSWORD,
                "auth", Map.of("type", "m.login.registration_token", "token", token))).post(V3 + "/register");
    }

    private static boolean valid(String token) {
        return RestAssured.given().queryParam("token", token).get(VALIDITY).then().statusCode(200)
                .extract().path("valid");
    }

    @Test
    void an_admin_creates_reads_updates_lists_and_deletes_tokens() {
        Matrix.Session admin = Matrix.registerAdmin("token-admin");
        String name = fresh();
        long expiry = System.currentTimeMillis() + Duration.ofDays(1).toMillis();

        as(admin).body(Map.of("token", name, "uses_allowed", 3, "expiry_time", expiry)).post(TOKENS + "/new")
                .then().statusCode(200).body("token", equalTo(name)).body("uses_allowed", equalTo(3))
                .body("pending", equalTo(0)).body("completed", equalTo(0)).body("expiry_time", equalTo(expiry));
        String generated = as(admin).body(Map.of("length", 24)).post(TOKENS + "/new").then().statusCode(200)
                .body("uses_allowed", nullValue()).body("expiry_time", nullValue()).extract().path("token");
        assertThat(generated).hasSize(24).matches("[A-Za-z0-9._~-]+");
        String defaulted = as(admin).body(Map.of()).post(TOKENS + "/new").then().statusCode(200)
                .extract().path("token");
        assertThat(defaulted).hasSize(16);

        as(admin).get(TOKENS + "/" + name).then().statusCode(200).body("uses_allowed", equalTo(3));
        as(admin).body(Map.of("uses_allowed", 5)).put(TOKENS + "/" + name).then().statusCode(200)
                .body("uses_allowed", equalTo(5)).body("expiry_time", equalTo(expiry));
        Map<String, Object> unlimited = new HashMap<>();
        unlimited.put("uses_allowed", null);
        unlimited.put("expiry_time", null);
        as(admin).body(unlimited).put(TOKENS + "/" + name).then().statusCode(200)
                .body("uses_allowed", nullValue()).body("expiry_time", nullValue());
        as(admin).body(Map.of()).put(TOKENS + "/" + name).then().statusCode(200).body("token", equalTo(name));

        as(admin).get(TOKENS).then().statusCode(200).body("registration_tokens.token", hasItem(name));
        as(admin).body(Map.of("uses_allowed", 0)).put(TOKENS + "/" + name).then().statusCode(200);
        as(admin).queryParam("valid", "false").get(TOKENS).then().statusCode(200)
                .body("registration_tokens.token", hasItem(name))
                .body("registration_tokens.token", not(hasItem(generated)));
        as(admin).queryParam("valid", "true").get(TOKENS).then().statusCode(200)
                .body("registration_tokens.token", not(hasItem(name)))
                .body("registration_tokens.token", hasItem(generated));

        as(admin).delete(TOKENS + "/" + name).then().statusCode(200);
        as(admin).get(TOKENS + "/" + name).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).delete(TOKENS + "/" + name).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).body(Map.of("uses_allowed", 1)).put(TOKENS + "/" + name).then().statusCode(404);
    }

    @Test
    void bad_token_requests_are_refused_as_synapse_refuses_them() {
        Matrix.Session admin = Matrix.registerAdmin("token-admin");
        String name = fresh();
        as(admin).body(Map.of("token", name)).post(TOKENS + "/new").then().statusCode(200);
        as(admin).body(Map.of("token", name)).post(TOKENS + "/new").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("token", "no spaces")).post(TOKENS + "/new").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("length", 65)).post(TOKENS + "/new").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("uses_allowed", -1)).post(TOKENS + "/new").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("expiry_time", 1000)).post(TOKENS + "/new").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("expiry_time", "tomorrow")).put(TOKENS + "/" + name).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("valid", "maybe").get(TOKENS).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void only_admins_may_manage_tokens() {
        Matrix.Session admin = Matrix.registerAdmin("token-admin");
        Matrix.Session user = registerWith(RegistrationTokensProfile.CONFIGURED);
        String name = fresh();
        as(admin).body(Map.of("token", name)).post(TOKENS + "/new").then().statusCode(200);

        as(user).get(TOKENS).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(user).body(Map.of()).post(TOKENS + "/new").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(user).get(TOKENS + "/" + name).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(user).body(Map.of("uses_allowed", 9)).put(TOKENS + "/" + name).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(user).delete(TOKENS + "/" + name).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(TOKENS).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        as(admin).get(TOKENS + "/" + name).then().statusCode(200).body("uses_allowed", nullValue());
    }

    @Test
    void registration_counts_completed_uses_and_refuses_a_used_up_token() {
        Matrix.Session admin = Matrix.registerAdmin("token-admin");
        String name = fresh();
        as(admin).body(Map.of("token", name, "uses_allowed", 1)).post(TOKENS + "/new").then().statusCode(200);
        assertThat(valid(name)).isTrue();

        registerWith(name);
        as(admin).get(TOKENS + "/" + name).then().statusCode(200)
                .body("completed", equalTo(1)).body("pending", equalTo(0));
        assertThat(valid(name)).isFalse();
        tryRegister(name).then().statusCode(401).body("errcode", equalTo("M_UNAUTHORIZED"));
        as(admin).get(TOKENS + "/" + name).then().body("completed", equalTo(1));

        as(admin).body(Map.of("uses_allowed", 2)).put(TOKENS + "/" + name).then().statusCode(200);
        assertThat(valid(name)).isTrue();
        registerWith(name);
        as(admin).get(TOKENS + "/" + name).then().body("completed", equalTo(2));
    }

    @Test
    void an_expired_or_deleted_token_no_longer_registers_while_configured_tokens_still_do() {
        Matrix.Session admin = Matrix.registerAdmin("token-admin");
        String expiring = fresh();
        String deleted = fresh();
        long expiry = clock.freeze().plus(Duration.ofHours(1)).toEpochMilli();
        as(admin).body(Map.of("token", expiring, "expiry_time", expiry)).post(TOKENS + "/new").then().statusCode(200);
        as(admin).body(Map.of("token", deleted)).post(TOKENS + "/new").then().statusCode(200);
        assertThat(valid(expiring)).isTrue();

        clock.advance(Duration.ofHours(2));
        assertThat(valid(expiring)).isFalse();
        tryRegister(expiring).then().statusCode(401).body("errcode", equalTo("M_UNAUTHORIZED"));
        as(admin).queryParam("valid", "false").get(TOKENS).then().body("registration_tokens.token", hasItem(expiring));

        as(admin).delete(TOKENS + "/" + deleted).then().statusCode(200);
        assertThat(valid(deleted)).isFalse();
        tryRegister(deleted).then().statusCode(401).body("errcode", equalTo("M_UNAUTHORIZED"));

        assertThat(valid(RegistrationTokensProfile.CONFIGURED)).isTrue();
        registerWith(RegistrationTokensProfile.CONFIGURED);
        assertThat(valid("never-made-" + UUID.randomUUID())).isFalse();
        RestAssured.get(VALIDITY).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }
}
