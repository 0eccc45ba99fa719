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

@QuarkusTest
@TestProfile(ClosedServerProfile.class)
class ClosedServerApiTest {

    @Test
    void registration_is_refused_when_switched_off() {
        json().body(Map.of("username", Matrix.freshName("closed"), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void guests_are_refused_when_guest_access_is_switched_off() {
        json().body(Map.of()).post(V3 + "/register?kind=guest").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN")).body("error", equalTo("Guest access is disabled"));
    }

    @Test
    void shared_secret_registration_is_off_without_a_secret() {
        RestAssured.get("/_synapse/admin/v1/register").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
    }
}
