package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class DevicesApiTest {
    @jakarta.inject.Inject
    io.zhihang.application.port.in.maintenance.FlushDeviceActivityUseCase deviceActivity;

    @Test
    void a_device_shows_its_last_activity() {
        Matrix.Session alice = Matrix.registerFresh("seen");
        long registeredAt = as(alice).get(V3 + "/devices/" + alice.deviceId()).then().statusCode(200)
                .extract().jsonPath().getLong("last_seen_ts");
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
        deviceActivity.flushDeviceActivity();
        as(alice).get(V3 + "/devices/" + alice.deviceId()).then().statusCode(200)
                .body("last_seen_ip", equalTo("127.0.0.1"))
                .body("last_seen_ts", org.hamcrest.Matchers.greaterThanOrEqualTo(registeredAt));
    }

    @Test
    void every_login_is_a_device_with_its_display_name() {
        Matrix.Session alice = Matrix.registerFresh("dev");
        json().body(Map.of("type", "m.login.password", "user", alice.userId(), "password", PASSWORD,
                "device_id", "PHONE", "initial_device_display_name", "Alice's phone")).post(V3 + "/login")
                .then().statusCode(200);
        as(alice).get(V3 + "/devices").then().statusCode(200)
                .body("devices", hasSize(2))
                .body("devices.device_id", containsInAnyOrder(alice.deviceId(), "PHONE"));
        as(alice).get(R0 + "/devices/PHONE").then().statusCode(200)
                .body("display_name", equalTo("Alice's phone"))
                .body("last_seen_ts", notNullValue());
    }

    @Test
    void renaming_a_device() {
        Matrix.Session alice = Matrix.registerFresh("rename");
        as(alice).body(Map.of("display_name", "Work laptop")).put(V3 + "/devices/" + alice.deviceId())
                .then().statusCode(200);
        as(alice).get(V3 + "/devices/" + alice.deviceId()).then().body("display_name", equalTo("Work laptop"));
        as(alice).body(Map.of("display_name", "x")).put(V3 + "/devices/NOSUCHDEVICE").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void devices_of_other_users_are_invisible() {
        Matrix.Session alice = Matrix.registerFresh("own");
        Matrix.Session bob = Matrix.registerFresh("other");
        as(bob).get(V3 + "/devices/" + alice.deviceId()).then().statusCode(404);
        as(bob).body(Map.of("auth", passwordAuth(bob, PASSWORD, null))).delete(V3 + "/devices/" + alice.deviceId())
                .then().statusCode(200);
        as(alice).get(V3 + "/account/whoami").then().statusCode(200);
    }

    @Test
    void deleting_a_device_needs_the_password_and_revokes_its_token() {
        Matrix.Session alice = Matrix.registerFresh("del");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        as(alice).delete(V3 + "/devices/" + phone.deviceId()).then().statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.password"));
        as(alice).body(Map.of("auth", passwordAuth(alice, PASSWORD, null))).delete(V3 + "/devices/" + phone.deviceId())
                .then().statusCode(200);
        as(phone).get(V3 + "/account/whoami").then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        as(alice).get(V3 + "/devices").then().body("devices", hasSize(1));
    }

    @Test
    void delete_devices_removes_several_at_once() {
        Matrix.Session alice = Matrix.registerFresh("bulk");
        Matrix.Session a = Matrix.login(alice.userId(), PASSWORD);
        Matrix.Session b = Matrix.login(alice.userId(), PASSWORD);
        String session = as(alice).body(Map.of("devices", List.of(a.deviceId(), b.deviceId())))
                .post(V3 + "/delete_devices").then().statusCode(401).extract().path("session");
        as(alice).body(Map.of("devices", List.of(a.deviceId(), b.deviceId()),
                        "auth", passwordAuth(alice, PASSWORD, session)))
                .post(V3 + "/delete_devices").then().statusCode(200);
        as(a).get(V3 + "/account/whoami").then().statusCode(401);
        as(b).get(V3 + "/account/whoami").then().statusCode(401);
        as(alice).get(V3 + "/devices").then().body("devices", hasSize(1));
        as(alice).body(Map.of("auth", passwordAuth(alice, PASSWORD, null))).post(V3 + "/delete_devices")
                .then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void deleting_a_device_with_another_users_credentials_is_forbidden() {
        Matrix.Session alice = Matrix.registerFresh("devowner");
        Matrix.Session bob = Matrix.registerFresh("devother");
        as(alice).body(Map.of("auth", passwordAuth(bob, PASSWORD, null))).delete(V3 + "/devices/" + alice.deviceId())
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(V3 + "/devices/" + alice.deviceId()).then().statusCode(200);
    }
}
