package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** {@code GET /pushers} and {@code POST /pushers/set}. */
@QuarkusTest
class PushersApiTest {
    private static final String URL = "https://push.example.org/_matrix/push/v1/notify";

    private static Map<String, Object> pusher(String pushkey) {
        Map<String, Object> body = new HashMap<>();
        body.put("pushkey", pushkey);
        body.put("kind", "http");
        body.put("app_id", "org.example.app");
        body.put("app_display_name", "Example");
        body.put("device_display_name", "Phone");
        body.put("lang", "en");
        body.put("data", Map.of("url", URL, "format", "event_id_only"));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }

    @Test
    void a_pusher_is_set_listed_updated_and_deleted() {
        Matrix.Session alice = Matrix.registerFresh("psa");
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(0));

        as(alice).body(pusher("key-1")).post(V3 + "/pushers/set").then().statusCode(200).body("$", equalTo(Map.of()));
        as(alice).get(V3 + "/pushers").then().statusCode(200)
                .body("pushers", hasSize(1))
                .body("pushers[0].pushkey", equalTo("key-1"))
                .body("pushers[0].kind", equalTo("http"))
                .body("pushers[0].app_id", equalTo("org.example.app"))
                .body("pushers[0].app_display_name", equalTo("Example"))
                .body("pushers[0].device_display_name", equalTo("Phone"))
                .body("pushers[0].lang", equalTo("en"))
                .body("pushers[0].data", equalTo(Map.of("url", URL, "format", "event_id_only")));

        as(alice).body(with(pusher("key-1"), "device_display_name", "Tablet")).post(R0 + "/pushers/set")
                .then().statusCode(200);
        as(alice).get(R0 + "/pushers").then().statusCode(200)
                .body("pushers", hasSize(1)).body("pushers[0].device_display_name", equalTo("Tablet"));

        Map<String, Object> delete = new HashMap<>(Map.of("pushkey", "key-1", "app_id", "org.example.app"));
        delete.put("kind", null);
        as(alice).body(delete).post(V3 + "/pushers/set").then().statusCode(200);
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(0));
    }

    @Test
    void without_append_the_pushkey_leaves_other_users() {
        Matrix.Session alice = Matrix.registerFresh("psb");
        Matrix.Session bob = Matrix.registerFresh("psc");
        String key = Matrix.freshName("shared-key");

        as(alice).body(pusher(key)).post(V3 + "/pushers/set").then().statusCode(200);
        as(bob).body(with(pusher(key), "append", true)).post(V3 + "/pushers/set").then().statusCode(200);
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(1));

        as(bob).body(pusher(key)).post(V3 + "/pushers/set").then().statusCode(200);
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(0));
        as(bob).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(1));
    }

    @Test
    void incomplete_or_invalid_pushers_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("psd");

        as(alice).body(with(pusher("k"), "data", Map.of())).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(with(pusher("k"), "data", Map.of("url", "https://push.example.org/elsewhere")))
                .post(V3 + "/pushers/set").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(with(pusher("k"), "lang", null)).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(with(pusher("k"), "kind", null)).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(with(pusher("k"), "kind", "email")).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(with(pusher("k"), "data", "url")).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(with(pusher("k"), "pushkey", List.of())).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(with(pusher("k"), "append", "yes")).post(V3 + "/pushers/set").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(with(pusher("k"), "pushkey", "x".repeat(513))).post(V3 + "/pushers/set").then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(0));
        RestAssured.get(V3 + "/pushers").then().statusCode(401);
    }
}
