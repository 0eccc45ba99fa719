package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AccountApiTest {

    @Test
    void password_change_asks_for_the_old_password_then_logs_out_other_devices() {
        Matrix.Session alice = Matrix.registerFresh("pw");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);

        String session = as(alice).body(Map.of("new_password", "new secret"))
                .post(V3 + "/account/password").then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.password"))
                .body("completed", empty())
                .extract().path("session");
        as(alice).body(Map.of("new_password", "new secret", "auth", passwordAuth(alice, "wrong", session)))
                .post(V3 + "/account/password").then().statusCode(401)
                .body("errcode", equalTo("M_FORBIDDEN"))
                .body("session", equalTo(session));
        as(alice).body(Map.of("new_password", "new secret", "auth", passwordAuth(alice, PASSWORD, session)))
                .post(V3 + "/account/password").then().statusCode(200);

        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
        as(phone).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        json().body(Map.of("type", "m.login.password", "user", alice.userId(), "password", PASSWORD))
                .post(V3 + "/login").then().statusCode(403);
        Matrix.login(alice.userId(), "new secret");
    }

    @Test
    void password_change_can_keep_other_devices() {
        Matrix.Session alice = Matrix.registerFresh("pwkeep");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        as(alice).body(Map.of("new_password", "another", "logout_devices", false,
                        "auth", passwordAuth(alice, PASSWORD, null)))
                .post(V3 + "/account/password").then().statusCode(200);
        as(phone).get(V3 + "/account/whoami").then().statusCode(200);
    }

    @Test
    void a_uia_session_cannot_be_carried_to_another_user() {
        Matrix.Session alice = Matrix.registerFresh("uiaa");
        Matrix.Session bob = Matrix.registerFresh("uiab");
        String session = as(alice).body(Map.of("new_password", "x1")).post(V3 + "/account/password")
                .then().statusCode(401).extract().path("session");
        as(bob).body(Map.of("new_password", "x1", "auth", passwordAuth(bob, PASSWORD, session)))
                .post(V3 + "/account/password").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        // Credentials for someone else: 403 outright, as Synapse answers (not another 401 round).
        as(bob).body(Map.of("new_password", "x1", "auth", passwordAuth(alice, PASSWORD, null)))
                .post(V3 + "/account/password").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void deactivation_is_final() {
        Matrix.Session alice = Matrix.registerFresh("deact");
        as(alice).body(Map.of()).post(V3 + "/account/deactivate").then().statusCode(401)
                .body("flows.stages", hasItem(java.util.List.of("m.login.password")));
        as(alice).body(Map.of("auth", passwordAuth(alice, PASSWORD, null)))
                .post(V3 + "/account/deactivate").then().statusCode(200)
                .body("id_server_unbind_result", equalTo("no-support"));
        as(alice).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        json().body(Map.of("type", "m.login.password", "user", alice.userId(), "password", PASSWORD))
                .post(V3 + "/login").then().statusCode(403).body("errcode", equalTo("M_USER_DEACTIVATED"));
        json().body(Map.of("username", alice.localpart(), "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(400).body("errcode", equalTo("M_USER_IN_USE"));
        io.restassured.RestAssured.get(V3 + "/profile/" + alice.userId()).then().statusCode(404);
    }
}
