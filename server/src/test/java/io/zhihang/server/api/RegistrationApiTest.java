package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RegistrationApiTest {

    @Test
    void two_step_registration_as_element_does_it() {
        String name = Matrix.freshName("elem");
        String session = json().body(Map.of("username", name, "password", PASSWORD))
                .post(V3 + "/register")
                .then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.dummy"))
                .body("completed", empty())
                .body("params", equalTo(Map.of()))
                .extract().path("session");
        json().body(Map.of("username", name, "password", PASSWORD, "initial_device_display_name", "Element",
                        "auth", Map.of("type", "m.login.dummy", "session", session)))
                .post(V3 + "/register")
                .then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("access_token", notNullValue())
                .body("device_id", notNullValue())
                .body("home_server", equalTo("localhost"))
                .body("$", not(hasKey("refresh_token")));
    }

    @Test
    void one_step_registration_as_matrix_nio_does_it_on_r0() {
        String name = Matrix.freshName("nio");
        json().body(Map.of("username", name, "password", PASSWORD, "device_id", "NIODEVICE",
                        "auth", Map.of("type", "m.login.dummy")))
                .post(R0 + "/register")
                .then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("device_id", equalTo("NIODEVICE"));
    }

    @Test
    void registration_with_refresh_token_returns_expiry() {
        json().body(Map.of("username", Matrix.freshName("refresh"), "password", PASSWORD, "refresh_token", true,
                        "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register")
                .then().statusCode(200)
                .body("refresh_token", notNullValue())
                .body("expires_in_ms", equalTo(300000));
    }

    @Test
    void inhibit_login_returns_only_the_user_id() {
        json().body(Map.of("username", Matrix.freshName("inhibit"), "password", PASSWORD, "inhibit_login", true,
                        "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register")
                .then().statusCode(200)
                .body("user_id", notNullValue())
                .body("$", not(hasKey("access_token")));
    }

    @Test
    void usernames_are_lower_cased() {
        String name = Matrix.freshName("MiXeD");
        Matrix.register(name);
        RestAssured.get(V3 + "/register/available?username=" + name.toLowerCase()).then().statusCode(400)
                .body("errcode", equalTo("M_USER_IN_USE"));
    }

    @Test
    void a_taken_username_is_refused_before_any_auth() {
        String name = Matrix.freshName("taken");
        Matrix.register(name);
        json().body(Map.of("username", name, "password", PASSWORD))
                .post(V3 + "/register")
                .then().statusCode(400).body("errcode", equalTo("M_USER_IN_USE"));
    }

    @Test
    void availability_reports_free_taken_invalid_and_reserved_names() {
        RestAssured.get(V3 + "/register/available?username=" + Matrix.freshName("free")).then().statusCode(200)
                .body("available", equalTo(true));
        RestAssured.get(V3 + "/register/available?username=bad:name").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_USERNAME"));
        RestAssured.get(V3 + "/register/available?username=_hidden").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_USERNAME"));
        RestAssured.get(V3 + "/register/available?username=12345").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_USERNAME"));
        RestAssured.get(V3 + "/register/available?username=telegram_bob").then().statusCode(400)
                .body("errcode", equalTo("M_EXCLUSIVE"));
        RestAssured.get(V3 + "/register/available").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void a_missing_or_empty_password_is_refused() {
        json().body(Map.of("username", Matrix.freshName("nopass"), "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        json().body(Map.of("username", Matrix.freshName("empty"), "password", "", "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(400).body("errcode", equalTo("M_WEAK_PASSWORD"));
    }

    @Test
    void an_unknown_uia_session_or_stage_is_refused() {
        json().body(Map.of("username", Matrix.freshName("sess"), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.dummy", "session", "nope")))
                .post(V3 + "/register").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        json().body(Map.of("username", Matrix.freshName("stage"), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.recaptcha")))
                .post(V3 + "/register").then().statusCode(401).body("errcode", equalTo("M_UNRECOGNIZED"))
                .body("flows[0].stages[0]", equalTo("m.login.dummy"));
    }

    @Test
    void the_new_user_has_a_default_display_name() {
        Matrix.Session alice = Matrix.registerFresh("named");
        RestAssured.get(V3 + "/profile/" + alice.userId() + "/displayname").then().statusCode(200)
                .body("displayname", equalTo(alice.localpart()));
    }

    @Test
    void an_empty_body_or_one_without_auth_learns_the_flows_and_gets_a_session() {
        RestAssured.given().contentType("application/json").post(V3 + "/register")
                .then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.dummy"))
                .body("session", notNullValue());
        json().body(Map.of()).post(V3 + "/register")
                .then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.dummy"))
                .body("session", notNullValue())
                .body("$", not(hasKey("errcode")));
    }

    @Test
    void the_session_remembers_the_first_requests_parameters_and_password() {
        String name = Matrix.freshName("remember");
        String session = json().body(Map.of("username", name, "password", PASSWORD, "device_id", "FIRSTDEV",
                        "initial_device_display_name", "First request"))
                .post(V3 + "/register").then().statusCode(401).extract().path("session");
        json().body(Map.of("auth", Map.of("type", "m.login.dummy", "session", session)))
                .post(V3 + "/register").then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("device_id", equalTo("FIRSTDEV"))
                .body("access_token", notNullValue());
        json().body(Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", name),
                        "password", PASSWORD))
                .post(V3 + "/login").then().statusCode(200);
    }

    @Test
    void inhibit_login_given_first_holds_for_the_last_request() {
        String name = Matrix.freshName("inhibit2");
        String session = json().body(Map.of("username", name, "password", PASSWORD, "inhibit_login", true))
                .post(V3 + "/register").then().statusCode(401).extract().path("session");
        json().body(Map.of("auth", Map.of("type", "m.login.dummy", "session", session)))
                .post(V3 + "/register").then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("$", not(hasKey("access_token")))
                .body("$", not(hasKey("device_id")));
    }

    @Test
    void repeating_the_last_request_of_a_session_answers_for_the_same_user() {
        String name = Matrix.freshName("repeat");
        String session = json().body(Map.of("username", name, "password", PASSWORD))
                .post(V3 + "/register").then().statusCode(401).extract().path("session");
        Map<String, Object> last = Map.of("username", name, "password", PASSWORD,
                "auth", Map.of("type", "m.login.dummy", "session", session));
        json().body(last).post(V3 + "/register").then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"));
        json().body(last).post(V3 + "/register").then().statusCode(200)
                .body("user_id", equalTo("@" + name + ":localhost"))
                .body("access_token", notNullValue());
        json().body(Map.of("username", name, "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(400).body("errcode", equalTo("M_USER_IN_USE"));
    }
}
