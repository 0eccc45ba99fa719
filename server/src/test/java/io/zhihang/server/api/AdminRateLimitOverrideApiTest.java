package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code /_synapse/admin/v1/users/{userId}/override_ratelimit} is honoured by the per-user rate limit Zhihang has
 * (Synapse's rc_media_create on uploads, 3 at once in this profile): 0/0 exempts the user, other values replace the limit.
 */
@QuarkusTest
@TestProfile(StrictServerProfile.class)
class AdminRateLimitOverrideApiTest {
    private static final String ADMIN = "/_synapse/admin";

    @Test
    void an_exempt_user_is_not_limited_and_an_overridden_one_gets_their_own_limit() {
        Matrix.Session admin = Matrix.registerAdmin("rloadmin");
        Matrix.Session exempt = sessionFor(admin, "rloexempt");
        Matrix.Session tight = sessionFor(admin, "rlotight");
        Matrix.Session plain = sessionFor(admin, "rloplain");

        as(admin).body(Map.of("messages_per_second", 0, "burst_count", 0))
                .post(ADMIN + "/v1/users/" + exempt.userId() + "/override_ratelimit").then().statusCode(200);
        as(admin).body(Map.of("messages_per_second", 1, "burst_count", 1))
                .post(ADMIN + "/v1/users/" + tight.userId() + "/override_ratelimit").then().statusCode(200);

        for (int i = 0; i < 6; i++) {
            upload(exempt).statusCode(200);
        }
        upload(tight).statusCode(200);
        upload(tight).statusCode(429).body("errcode", equalTo("M_LIMIT_EXCEEDED"));
        for (int i = 0; i < 3; i++) {
            upload(plain).statusCode(200);
        }
        upload(plain).statusCode(429);

        as(admin).delete(ADMIN + "/v1/users/" + exempt.userId() + "/override_ratelimit").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            upload(exempt).statusCode(200);
        }
        upload(exempt).statusCode(429);
    }

    private static io.restassured.response.ValidatableResponse upload(Matrix.Session session) {
        return as(session).contentType("application/octet-stream").body(new byte[]{1, 2, 3})
                .post("/_matrix/media/v3/upload").then();
    }

    /** Made by the admin API (PUT v2/users, then log in as): registration needs a token in this profile. */
    private static Matrix.Session sessionFor(Matrix.Session admin, String prefix) {
        String userId = "@" + Matrix.freshName(prefix) + ":localhost";
        as(admin).body(Map.of()).put(ADMIN + "/v2/users/" + userId).then().statusCode(201);
        String token = as(admin).body(Map.of()).post(ADMIN + "/v1/users/" + userId + "/login").then().statusCode(200)
                .extract().path("access_token");
        json().header("Authorization", "Bearer " + token).get(Matrix.V3 + "/account/whoami").then().statusCode(200);
        return new Matrix.Session(userId, token, null, null);
    }
}
