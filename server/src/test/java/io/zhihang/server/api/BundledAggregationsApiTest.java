package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static io.zhihang.server.api.Rooms.v1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** What clients see in {@code unsigned."m.relations"} on {@code /event}, {@code /messages} and {@code /relations}. */
@QuarkusTest
class BundledAggregationsApiTest {

    @Test
    void the_latest_edit_by_the_sender_is_bundled_in_full_and_the_original_content_stays() {
        Matrix.Session alice = Matrix.registerFresh("edit");
        Matrix.Session bob = Matrix.registerFresh("editb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String original = Rooms.send(alice, roomId, "helo");
        Rooms.edit(alice, roomId, original, "hello");
        String latest = Rooms.edit(alice, roomId, original, "hello!");
        // Only the sender may edit (docs/api.md, "Message lifecycle rules on Matrix paths").
        as(bob).body(Map.of("msgtype", "m.text", "body", "* hijacked",
                        "m.new_content", Map.of("msgtype", "m.text", "body", "hijacked"),
                        "m.relates_to", Map.of("rel_type", "m.replace", "event_id", original)))
                .put(path(roomId) + "/send/m.room.message/hijack").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        as(bob).get(path(roomId) + "/event/" + original).then().statusCode(200)
                .body("content.body", equalTo("helo"))
                .body("unsigned.'m.relations'.'m.replace'.event_id", equalTo(latest))
                .body("unsigned.'m.relations'.'m.replace'.sender", equalTo(alice.userId()))
                .body("unsigned.'m.relations'.'m.replace'.type", equalTo("m.room.message"))
                .body("unsigned.'m.relations'.'m.replace'.room_id", equalTo(roomId))
                .body("unsigned.'m.relations'.'m.replace'.origin_server_ts", org.hamcrest.Matchers.notNullValue())
                .body("unsigned.'m.relations'.'m.replace'.content.'m.new_content'.body", equalTo("hello!"));
        as(bob).get(path(roomId) + "/messages?dir=b&limit=10").then().statusCode(200)
                .body("chunk.find { it.event_id == '" + original + "' }.unsigned.'m.relations'.'m.replace'.event_id",
                        equalTo(latest))
                .body("chunk.find { it.event_id == '" + latest + "' }.unsigned", not(hasKey("m.relations")));
    }

    @Test
    void a_redacted_edit_is_ignored_and_a_redacted_original_bundles_no_edit() {
        Matrix.Session alice = Matrix.registerFresh("redit");
        String roomId = Rooms.create(alice, Map.of());
        String original = Rooms.send(alice, roomId, "one");
        String first = Rooms.edit(alice, roomId, original, "two");
        String second = Rooms.edit(alice, roomId, original, "three");

        Rooms.redact(alice, roomId, second);
        as(alice).get(path(roomId) + "/event/" + original).then().statusCode(200)
                .body("unsigned.'m.relations'.'m.replace'.event_id", equalTo(first));

        Rooms.redact(alice, roomId, original);
        as(alice).get(path(roomId) + "/event/" + original).then().statusCode(200)
                .body("content", equalTo(Map.of()))
                .body("unsigned", not(hasKey("m.relations")));
    }

    @Test
    void a_thread_root_carries_its_summary_with_the_latest_reply_bundled_in_turn() {
        Matrix.Session alice = Matrix.registerFresh("thr");
        Matrix.Session bob = Matrix.registerFresh("thrb");
        Matrix.Session carol = Matrix.registerFresh("thrc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.join(carol, roomId);
        String root = Rooms.send(alice, roomId, "topic");
        Rooms.reply(bob, roomId, root, "first");
        String latest = Rooms.reply(bob, roomId, root, "second");
        String fix = Rooms.edit(bob, roomId, latest, "second!");

        String thread = "unsigned.'m.relations'.'m.thread'";
        as(carol).get(path(roomId) + "/event/" + root).then().statusCode(200)
                .body(thread + ".count", equalTo(2))
                .body(thread + ".current_user_participated", equalTo(false))
                .body(thread + ".latest_event.event_id", equalTo(latest))
                .body(thread + ".latest_event.content.body", equalTo("second"))
                .body(thread + ".latest_event.unsigned.'m.relations'.'m.replace'.event_id", equalTo(fix));
        as(alice).get(path(roomId) + "/event/" + root).then()
                .body(thread + ".current_user_participated", equalTo(true));
        as(bob).get(path(roomId) + "/event/" + root).then()
                .body(thread + ".current_user_participated", equalTo(true));
        // A reply relates to the root, so it gets no thread summary of its own.
        as(bob).get(path(roomId) + "/event/" + latest).then()
                .body("unsigned.'m.relations'", not(hasKey("m.thread")));
    }

    @Test
    void references_are_listed_by_event_id_and_relations_pages_carry_bundles() {
        Matrix.Session alice = Matrix.registerFresh("ref");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "request");
        String reply = Rooms.reply(alice, roomId, root, "in thread");
        String ref1 = Rooms.reference(alice, roomId, root);
        String ref2 = Rooms.reference(alice, roomId, root);
        String refToReply = Rooms.reference(alice, roomId, reply);

        as(alice).get(path(roomId) + "/event/" + root).then().statusCode(200)
                .body("unsigned.'m.relations'.'m.reference'.chunk.event_id",
                        equalTo(java.util.List.of(ref1, ref2)));
        as(alice).get(v1(roomId) + "/relations/" + root + "/m.thread").then().statusCode(200)
                .body("chunk[0].event_id", equalTo(reply))
                .body("chunk[0].unsigned.'m.relations'.'m.reference'.chunk[0].event_id", equalTo(refToReply));
    }

    @Test
    void state_events_and_plain_messages_get_no_bundle() {
        Matrix.Session alice = Matrix.registerFresh("plain");
        String roomId = Rooms.create(alice, Map.of());
        String message = Rooms.send(alice, roomId, "alone");
        as(alice).get(path(roomId) + "/event/" + message).then().statusCode(200)
                .body("unsigned", not(hasKey("m.relations")));
        String topic = as(alice).body(Map.of("topic", "t")).put(path(roomId) + "/state/m.room.topic")
                .then().statusCode(200).extract().path("event_id");
        Rooms.reference(alice, roomId, topic);
        as(alice).get(path(roomId) + "/event/" + topic).then().statusCode(200)
                .body("unsigned", not(hasKey("m.relations")));
    }
}
