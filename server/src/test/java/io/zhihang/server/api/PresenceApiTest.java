package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PresenceApiTest {

    private static String status(Matrix.Session user) {
        return V3 + "/presence/" + user.userId() + "/status";
    }

    @Test
    void a_user_sets_their_presence_and_reads_it_back() {
        Matrix.Session alice = Matrix.registerFresh("pa");
        as(alice).get(status(alice)).then().statusCode(200)
                .body("presence", equalTo("offline"))
                .body("$", not(hasKey("last_active_ago")));

        as(alice).body(Map.of("presence", "online", "status_msg", "Making tea")).put(status(alice))
                .then().statusCode(200).body("$", anEmptyMap());
        as(alice).get(status(alice)).then().statusCode(200)
                .body("presence", equalTo("online"))
                .body("status_msg", equalTo("Making tea"))
                .body("currently_active", equalTo(true))
                .body("last_active_ago", greaterThanOrEqualTo(0));

        as(alice).body(Map.of("presence", "unavailable")).put(R0 + "/presence/" + alice.userId() + "/status")
                .then().statusCode(200);
        as(alice).get(status(alice)).then().statusCode(200)
                .body("presence", equalTo("unavailable"))
                .body("$", not(hasKey("status_msg")))
                .body("$", not(hasKey("currently_active")));
    }

    @Test
    void room_mates_see_each_other_and_strangers_do_not() {
        Matrix.Session alice = Matrix.registerFresh("pb");
        Matrix.Session bob = Matrix.registerFresh("pbb");
        Matrix.Session carol = Matrix.registerFresh("pbc");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId(),
                carol.userId())));
        Rooms.join(bob, roomId);
        as(alice).body(Map.of("presence", "online", "status_msg", "hi")).put(status(alice)).then().statusCode(200);

        as(bob).get(status(alice)).then().statusCode(200)
                .body("presence", equalTo("online")).body("status_msg", equalTo("hi"));
        as(carol).get(status(alice)).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(V3 + "/presence/@nobody:localhost/status").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void only_oneself_sets_presence_and_only_with_a_valid_body() {
        Matrix.Session alice = Matrix.registerFresh("pc");
        Matrix.Session bob = Matrix.registerFresh("pcb");
        as(alice).body(Map.of("presence", "online")).put(status(bob))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("presence", "busy")).put(status(alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("status_msg", "hi")).put(status(alice))
                .then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("presence", 1)).put(status(alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("presence", "online", "status_msg", List.of())).put(status(alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("presence", "online", "status_msg", "x".repeat(1001))).put(status(alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("{").put(status(alice)).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).get(V3 + "/presence/nobody/status").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().get(status(alice)).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));

        Map<String, Object> nullMessage = new HashMap<>();
        nullMessage.put("presence", "online");
        nullMessage.put("status_msg", null);
        as(alice).body(nullMessage).put(status(alice)).then().statusCode(200);
        as(alice).get(status(alice)).then().body("presence", equalTo("online")).body("$", not(hasKey("status_msg")));
    }
}
