package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/** Reading and writing single state events ({@code /rooms/{roomId}/state/{type}/{stateKey}}). */
@QuarkusTest
class RoomStateApiTest {

    @Test
    void format_event_answers_the_whole_state_event_and_format_content_only_its_content() {
        Matrix.Session alice = Matrix.registerFresh("fmt");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String topicId = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "Oolong"));
        String member = path(roomId) + "/state/m.room.member/" + alice.userId();

        as(alice).get(member + "?format=event").then().statusCode(200)
                .body("type", equalTo("m.room.member"))
                .body("state_key", equalTo(alice.userId()))
                .body("sender", equalTo(alice.userId()))
                .body("room_id", equalTo(roomId))
                .body("event_id", org.hamcrest.Matchers.startsWith("$"))
                .body("origin_server_ts", greaterThan(0L))
                .body("content.membership", equalTo("join"));
        as(alice).get(path(roomId) + "/state/m.room.topic?format=event").then().statusCode(200)
                .body("event_id", equalTo(topicId))
                .body("state_key", equalTo(""))
                .body("content.topic", equalTo("Oolong"));
        as(alice).get(path(roomId) + "/state/m.room.topic/?format=event").then().statusCode(200)
                .body("event_id", equalTo(topicId));

        as(alice).get(member + "?format=content").then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("$", not(hasKey("event_id")));
        as(alice).get(member).then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("$", not(hasKey("sender")));
    }

    @Test
    void format_refuses_other_values_and_absent_state_stays_not_found() {
        Matrix.Session alice = Matrix.registerFresh("fmtbad");
        Matrix.Session eve = Matrix.registerFresh("fmteve");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));

        as(alice).get(path(roomId) + "/state/m.room.name?format=pdu").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(path(roomId) + "/state/m.room.name?format=event").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).get(path(roomId) + "/state/m.room.create?format=event").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void setting_the_same_state_again_answers_the_current_event_and_sends_nothing() {
        Matrix.Session alice = Matrix.registerFresh("dup");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String first = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "Sencha"));

        org.assertj.core.api.Assertions.assertThat(Rooms.putState(alice, roomId, "m.room.topic",
                Map.of("topic", "Sencha"))).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(topicEvents(alice, roomId)).containsExactly(first);

        String second = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "Matcha"));
        org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(Rooms.putState(alice, roomId, "m.room.topic",
                Map.of("topic", "Matcha"))).isEqualTo(second);
        org.assertj.core.api.Assertions.assertThat(topicEvents(alice, roomId)).containsExactly(second, first);
    }

    @Test
    void the_same_content_in_another_key_order_is_the_same_state() {
        Matrix.Session alice = Matrix.registerFresh("dupord");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String first = as(alice).body("{\"a\": 1, \"b\": {\"c\": [1, 2], \"d\": \"x\"}}")
                .put(path(roomId) + "/state/com.example.settings/k").then().statusCode(200)
                .extract().path("event_id");
        as(alice).body("{\"b\": {\"d\": \"x\", \"c\": [1, 2]}, \"a\": 1}")
                .put(path(roomId) + "/state/com.example.settings/k").then().statusCode(200)
                .body("event_id", equalTo(first));
        as(alice).body("{\"b\": {\"d\": \"x\", \"c\": [2, 1]}, \"a\": 1}")
                .put(path(roomId) + "/state/com.example.settings/k").then().statusCode(200)
                .body("event_id", not(equalTo(first)));
    }

    @Test
    void the_same_state_from_another_sender_is_a_new_event_and_still_needs_the_power() {
        Matrix.Session alice = Matrix.registerFresh("dupa");
        Matrix.Session bob = Matrix.registerFresh("dupb");
        Matrix.Session carol = Matrix.registerFresh("dupc");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat",
                "power_level_content_override", Map.of("users", Map.of(alice.userId(), 100, bob.userId(), 100))));
        for (Matrix.Session s : java.util.List.of(bob, carol)) {
            as(alice).body(Map.of("user_id", s.userId())).post(path(roomId) + "/invite").then().statusCode(200);
            Rooms.join(s, roomId);
        }
        String alices = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "Hojicha"));

        as(carol).body(Map.of("topic", "Hojicha")).put(path(roomId) + "/state/m.room.topic").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        String bobs = Rooms.putState(bob, roomId, "m.room.topic", Map.of("topic", "Hojicha"));
        org.assertj.core.api.Assertions.assertThat(bobs).isNotEqualTo(alices);
        org.assertj.core.api.Assertions.assertThat(topicEvents(alice, roomId)).containsExactly(bobs, alices);
    }

    @Test
    void member_events_are_never_deduplicated_this_way() {
        Matrix.Session alice = Matrix.registerFresh("dupm");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String member = "m.room.member/" + alice.userId();
        Map<String, Object> content = Map.of("membership", "join", "displayname", "Alice in tea");
        String first = Rooms.putState(alice, roomId, member, content);
        org.assertj.core.api.Assertions.assertThat(Rooms.putState(alice, roomId, member, content))
                .isNotEqualTo(first);
    }

    /** The ids of the room's topic events, newest first. */
    private static java.util.List<String> topicEvents(Matrix.Session reader, String roomId) {
        return as(reader).queryParam("dir", "b").queryParam("limit", 100)
                .queryParam("filter", "{\"types\":[\"m.room.topic\"]}").get(path(roomId) + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("chunk.event_id", String.class);
    }
}
