package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TypingApiTest {

    private static String typing(String roomId, Matrix.Session user) {
        return path(roomId) + "/typing/" + user.userId();
    }

    @Test
    void a_member_starts_and_stops_typing() {
        Matrix.Session alice = Matrix.registerFresh("ta");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("typing", true, "timeout", 30000)).put(typing(roomId, alice))
                .then().statusCode(200).body("$", anEmptyMap());
        as(alice).body(Map.of("typing", true)).put(typing(roomId, alice)).then().statusCode(200);
        as(alice).body(Map.of("typing", false)).put(typing(roomId, alice)).then().statusCode(200);
        as(alice).body(Map.of("typing", true, "timeout", 3_600_000)).put(
                Matrix.R0 + "/rooms/" + roomId + "/typing/" + alice.userId()).then().statusCode(200);
    }

    @Test
    void nobody_types_for_someone_else() {
        Matrix.Session alice = Matrix.registerFresh("tb");
        Matrix.Session bob = Matrix.registerFresh("tbb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        as(alice).body(Map.of("typing", true)).put(typing(roomId, bob))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void only_joined_members_type() {
        Matrix.Session alice = Matrix.registerFresh("tc");
        Matrix.Session bob = Matrix.registerFresh("tcb");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId())));
        as(bob).body(Map.of("typing", true)).put(typing(roomId, bob))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).body(Map.of("typing", true)).put(typing("!unknown:localhost", bob))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).body(Map.of()).post(path(roomId) + "/join").then().statusCode(200);
        as(bob).body(Map.of("typing", true)).put(typing(roomId, bob)).then().statusCode(200);
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        as(bob).body(Map.of("typing", false)).put(typing(roomId, bob))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void malformed_requests_are_matrix_errors() {
        Matrix.Session alice = Matrix.registerFresh("td");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("timeout", 1000)).put(typing(roomId, alice))
                .then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("typing", "yes")).put(typing(roomId, alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("typing", true, "timeout", "soon")).put(typing(roomId, alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("typing", true, "timeout", -5)).put(typing(roomId, alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("not json").put(typing(roomId, alice))
                .then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body(Map.of("typing", true)).put(path(roomId) + "/typing/nobody")
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().body(Map.of("typing", true)).put(typing(roomId, alice))
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).body(Map.of("typing", true)).put(V3 + "/rooms/" + roomId + "/typing/" + alice.userId())
                .then().statusCode(200);
    }
}
