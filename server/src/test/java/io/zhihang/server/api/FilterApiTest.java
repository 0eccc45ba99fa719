package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class FilterApiTest {
    private static final Map<String, Object> FILTER = Map.of(
            "event_fields", List.of("type", "content", "sender"),
            "event_format", "client",
            "presence", Map.of("not_senders", List.of("@alice:example.com"), "types", List.of("m.presence")),
            "room", Map.of(
                    "ephemeral", Map.of("types", List.of("m.receipt", "m.typing")),
                    "state", Map.of("types", List.of("m.room.*"), "lazy_load_members", true),
                    "timeline", Map.of("limit", 10, "types", List.of("m.room.message"))));

    private static String filters(Matrix.Session user) {
        return V3 + "/user/" + user.userId() + "/filter";
    }

    @Test
    void a_filter_is_stored_and_read_back() {
        Matrix.Session alice = Matrix.registerFresh("fa");
        String id = as(alice).body(FILTER).post(filters(alice)).then().statusCode(200)
                .body("filter_id", matchesPattern("[0-9]+")).extract().path("filter_id");
        as(alice).get(filters(alice) + "/" + id).then().statusCode(200)
                .body("event_fields", equalTo(List.of("type", "content", "sender")))
                .body("room.timeline.limit", equalTo(10))
                .body("room.state.lazy_load_members", equalTo(true))
                .body("presence.not_senders[0]", equalTo("@alice:example.com"));
        as(alice).get(R0 + "/user/" + alice.userId() + "/filter/" + id).then().statusCode(200)
                .body("event_format", equalTo("client"));

        as(alice).body(FILTER).post(filters(alice)).then().statusCode(200).body("filter_id", equalTo(id));
        as(alice).body(Map.of()).post(filters(alice)).then().statusCode(200).body("filter_id", not(equalTo(id)));
    }

    @Test
    void filters_are_private_to_their_user() {
        Matrix.Session alice = Matrix.registerFresh("fb");
        Matrix.Session bob = Matrix.registerFresh("fbb");
        String id = as(alice).body(FILTER).post(filters(alice)).then().statusCode(200).extract().path("filter_id");
        as(bob).get(filters(alice) + "/" + id).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).body(FILTER).post(filters(alice)).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).get(filters(bob) + "/" + id).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(filters(alice) + "/999999999").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(filters(alice) + "/not-a-filter").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        Matrix.json().get(filters(alice) + "/" + id).then().statusCode(401);
    }

    @Test
    void invalid_filters_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("fc");
        as(alice).body(Map.of("room", Map.of("timeline", Map.of("limit", "ten")))).post(filters(alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("event_fields", "type")).post(filters(alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("event_format", "xml")).post(filters(alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("room", Map.of("rooms", List.of("not a room")))).post(filters(alice))
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("{\"room\":{\"timeline\":{\"limit\":1.5}}}").post(filters(alice))
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("[]").post(filters(alice)).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("nope").post(filters(alice)).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body(Map.of()).post(V3 + "/user/alice/filter").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }
}
