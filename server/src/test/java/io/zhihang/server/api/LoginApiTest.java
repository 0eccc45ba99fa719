package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class LoginApiTest {

    @Test
    void login_flows_offer_password() {
        RestAssured.get(V3 + "/login").then().statusCode(200).body("flows[0].type", equalTo("m.login.password"));
    }

    @Test
    void login_by_localpart_full_id_and_legacy_user_field() {
        Matrix.Session alice = Matrix.registerFresh("login");
        Matrix.login(alice.localpart(), PASSWORD);
        Matrix.login(alice.userId(), PASSWORD);
        Matrix.login(alice.localpart().toUpperCase(), PASSWORD);
        json().body(Map.of("type", "m.login.password", "user", alice.localpart(), "password", PASSWORD,
                        "initial_device_display_name", "nio"))
                .post(R0 + "/login").then().statusCode(200)
                .body("user_id", equalTo(alice.userId()))
                .body("device_id", notNullValue())
                .body("well_known.'m.homeserver'.base_url", notNullValue());
    }

    @Test
    void wrong_password_and_unknown_user_look_the_same() {
        Matrix.Session alice = Matrix.registerFresh("wrongpw");
        json().body(Map.of("type", "m.login.password", "user", alice.localpart(), "password", "nope"))
                .post(V3 + "/login").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN")).body("error", equalTo("Invalid username or password"));
        json().body(Map.of("type", "m.login.password", "user", "nobody-" + alice.localpart(), "password", "nope"))
                .post(V3 + "/login").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN")).body("error", equalTo("Invalid username or password"));
    }

    @Test
    void unknown_login_types_and_identifiers_are_refused() {
        json().body(Map.of("type", "m.login.token", "token", "x")).post(V3 + "/login").then().statusCode(400)
                .body("errcode", equalTo("M_UNKNOWN"));
        json().body(Map.of("type", "m.login.password", "password", "x",
                        "identifier", Map.of("type", "m.id.thirdparty", "medium", "email", "address", "a@b.c")))
                .post(V3 + "/login").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        json().body(Map.of("type", "m.login.password", "password", "x")).post(V3 + "/login").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void malformed_bodies_get_matrix_errors_not_500s() {
        json().body("{not json").post(V3 + "/login").then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        json().body("").post(V3 + "/login").then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        json().body("[1,2]").post(V3 + "/login").then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        json().body(Map.of("type", "m.login.password", "user", 42, "password", "x")).post(V3 + "/login")
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        json().body(Map.of("type", "m.login.password", "user", "a", "password", "x", "refresh_token", "yes"))
                .post(V3 + "/login").then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        RestAssured.given().contentType("text/plain").body("{\"type\":\"m.login.password\"}").post(V3 + "/login")
                .then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void tokens_are_accepted_as_bearer_header_and_query_parameter() {
        Matrix.Session alice = Matrix.registerFresh("whoami");
        as(alice).get(V3 + "/account/whoami").then().statusCode(200)
                .body("user_id", equalTo(alice.userId()))
                .body("device_id", equalTo(alice.deviceId()))
                .body("is_guest", equalTo(false));
        RestAssured.get(R0 + "/account/whoami?access_token=" + alice.accessToken()).then().statusCode(200)
                .body("user_id", equalTo(alice.userId()));
    }

    @Test
    void missing_forged_and_garbage_tokens_are_refused() {
        RestAssured.get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.given().header("Authorization", "Bearer garbage").get(V3 + "/account/whoami").then()
                .statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN")).body("soft_logout", equalTo(false));
        Matrix.Session alice = Matrix.registerFresh("forged");
        String[] parts = alice.accessToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        RestAssured.given().header("Authorization", "Bearer " + forged).get(V3 + "/account/whoami").then()
                .statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
    }

    @Test
    void logout_revokes_the_token_at_once_and_removes_the_device() {
        Matrix.Session alice = Matrix.registerFresh("logout");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        as(phone).post(V3 + "/logout").then().statusCode(200).body("$", equalTo(Map.of()));
        as(phone).get(V3 + "/account/whoami").then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN")).body("soft_logout", equalTo(false));
        as(alice).get(V3 + "/devices/" + phone.deviceId()).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
    }

    @Test
    void logout_all_revokes_every_session() {
        Matrix.Session alice = Matrix.registerFresh("logoutall");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        as(alice).post(R0 + "/logout/all").then().statusCode(200);
        as(alice).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        as(phone).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
    }

    @Test
    void logging_in_again_on_a_device_replaces_its_token() {
        Matrix.Session alice = Matrix.registerFresh("samedev");
        Matrix.Session first = Matrix.Session.from(json().body(Map.of("type", "m.login.password", "user", alice.userId(),
                "password", PASSWORD, "device_id", "LAPTOP")).post(V3 + "/login").then().statusCode(200));
        Matrix.Session second = Matrix.Session.from(json().body(Map.of("type", "m.login.password", "user", alice.userId(),
                "password", PASSWORD, "device_id", "LAPTOP")).post(V3 + "/login").then().statusCode(200)
                .body("device_id", equalTo("LAPTOP")));
        as(first).get(V3 + "/account/whoami").then().statusCode(401);
        as(second).get(V3 + "/account/whoami").then().statusCode(200).body("device_id", equalTo("LAPTOP"));
    }

    @Test
    void refresh_tokens_rotate_and_old_ones_stop_working() {
        Matrix.Session alice = Matrix.registerFresh("rot");
        Matrix.Session s = Matrix.Session.from(json().body(Map.of("type", "m.login.password", "user", alice.userId(),
                        "password", PASSWORD, "refresh_token", true)).post(V3 + "/login").then().statusCode(200)
                .body("expires_in_ms", equalTo(300000)));
        var refreshed = json().body(Map.of("refresh_token", s.refreshToken())).post(V3 + "/refresh")
                .then().statusCode(200)
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue())
                .body("expires_in_ms", equalTo(300000))
                .extract().jsonPath();
        RestAssured.given().header("Authorization", "Bearer " + refreshed.getString("access_token"))
                .get(V3 + "/account/whoami").then().statusCode(200).body("device_id", equalTo(s.deviceId()));
        as(s).get(V3 + "/account/whoami").then().statusCode(401);
        json().body(Map.of("refresh_token", s.refreshToken())).post(V3 + "/refresh").then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN")).body("soft_logout", equalTo(false));
        json().body(Map.of()).post(V3 + "/refresh").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }
}
