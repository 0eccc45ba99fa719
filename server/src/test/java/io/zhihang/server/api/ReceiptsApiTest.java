package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

/** Read receipts and read markers over HTTP; what they stored is read back through the sync queries. */
@QuarkusTest
class ReceiptsApiTest {
    @Inject
    UserDataSyncQueries sync;

    private static String receipt(String roomId, String type, String eventId) {
        return path(roomId) + "/receipt/" + type + "/" + eventId;
    }

    /** Alice's room with Bob joined. */
    private static String roomOf(Matrix.Session alice, Matrix.Session bob) {
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId())));
        Rooms.join(bob, roomId);
        return roomId;
    }

    private JsonObject receiptsSeenBy(Matrix.Session viewer, String roomId) {
        return sync.receiptsSince(viewer.userId(), List.of(roomId), 0).getOrDefault(roomId, JsonObject.EMPTY);
    }

    @Test
    void a_read_receipt_is_stored_with_its_thread() {
        Matrix.Session alice = Matrix.registerFresh("rca");
        Matrix.Session bob = Matrix.registerFresh("rcb");
        String roomId = roomOf(alice, bob);
        String hello = Rooms.send(alice, roomId, "hello");
        String root = Rooms.send(alice, roomId, "root");
        String reply = Rooms.reply(alice, roomId, root, "in a thread");
        long before = sync.receiptPosition();

        as(bob).body(Map.of()).post(receipt(roomId, "m.read", hello)).then().statusCode(200).body("$", anEmptyMap());
        as(bob).post(receipt(roomId, "m.read", root)).then().statusCode(200); // no body at all
        as(bob).body(Map.of("thread_id", root)).post(receipt(roomId, "m.read", reply)).then().statusCode(200);

        assertThat(sync.receiptPosition()).isEqualTo(before + 3);
        JsonObject seen = receiptsSeenBy(alice, roomId);
        assertThat(seen.members()).containsOnlyKeys(root, reply); // the unthreaded receipt moved on to root
        assertThat(seen.object(reply).flatMap(r -> r.object("m.read")).flatMap(r -> r.object(bob.userId()))
                .flatMap(r -> r.string("thread_id"))).contains(root);
        assertThat(seen.object(root).flatMap(r -> r.object("m.read")).flatMap(r -> r.object(bob.userId()))
                .map(r -> r.has("thread_id"))).contains(false);
        assertThat(sync.receiptsSince(alice.userId(), List.of(roomId), before + 2).get(roomId).members())
                .containsOnlyKeys(reply);
    }

    @Test
    void receipts_never_move_backwards() {
        Matrix.Session alice = Matrix.registerFresh("rba");
        Matrix.Session bob = Matrix.registerFresh("rbb");
        String roomId = roomOf(alice, bob);
        String first = Rooms.send(alice, roomId, "one");
        String second = Rooms.send(alice, roomId, "two");
        as(bob).body(Map.of()).post(receipt(roomId, "m.read", second)).then().statusCode(200);
        long position = sync.receiptPosition();

        as(bob).body(Map.of()).post(receipt(roomId, "m.read", first)).then().statusCode(200);

        assertThat(sync.receiptPosition()).isEqualTo(position);
        assertThat(receiptsSeenBy(alice, roomId).members()).containsOnlyKeys(second);
    }

    @Test
    void private_receipts_are_kept_from_other_members() {
        Matrix.Session alice = Matrix.registerFresh("rpa");
        Matrix.Session bob = Matrix.registerFresh("rpb");
        String roomId = roomOf(alice, bob);
        String hello = Rooms.send(alice, roomId, "hello");

        as(bob).body(Map.of()).post(receipt(roomId, "m.read.private", hello)).then().statusCode(200);

        assertThat(receiptsSeenBy(alice, roomId).members()).isEmpty();
        assertThat(receiptsSeenBy(bob, roomId).object(hello).orElseThrow().members()).containsOnlyKeys("m.read.private");
        assertThat(sync.readPositions(bob.userId(), List.of(roomId)).room(roomId).mainTimeline()).isPositive();
    }

    @Test
    void receipts_are_refused_for_other_rooms_events_outsiders_and_bad_types() {
        Matrix.Session alice = Matrix.registerFresh("rra");
        Matrix.Session bob = Matrix.registerFresh("rrb");
        Matrix.Session carol = Matrix.registerFresh("rrc");
        String roomId = roomOf(alice, bob);
        String hello = Rooms.send(alice, roomId, "hello");
        String otherRoom = Rooms.create(carol, Map.of("preset", "public_chat"));
        String elsewhere = Rooms.send(carol, otherRoom, "elsewhere");
        Rooms.join(bob, otherRoom);

        as(bob).body(Map.of()).post(receipt(roomId, "m.read", elsewhere)).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(carol).body(Map.of()).post(receipt(roomId, "m.read", hello)).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).body(Map.of()).post(receipt(roomId, "m.seen", hello)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(bob).body(Map.of("thread_id", 5)).post(receipt(roomId, "m.read", hello)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(bob).body(Map.of("thread_id", "main")).post(receipt(roomId, "m.fully_read", hello)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(bob).body(Map.of("thread_id", hello)).post(receipt(roomId, "m.read", hello)).then().statusCode(200);
        as(bob).body("[]").post(receipt(roomId, "m.read", hello)).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        Matrix.json().body(Map.of()).post(receipt(roomId, "m.read", hello)).then().statusCode(401);
        assertThat(receiptsSeenBy(alice, roomId).object(hello).flatMap(r -> r.object("m.read")).orElseThrow()
                .members()).containsOnlyKeys(bob.userId());
    }

    @Test
    void read_markers_set_the_fully_read_account_data_and_the_receipts() {
        Matrix.Session alice = Matrix.registerFresh("rma");
        Matrix.Session bob = Matrix.registerFresh("rmb");
        String roomId = roomOf(alice, bob);
        String first = Rooms.send(alice, roomId, "one");
        String second = Rooms.send(alice, roomId, "two");

        as(bob).body(Map.of("m.fully_read", second, "m.read", first, "m.read.private", second, "m.unknown", "x"))
                .post(path(roomId) + "/read_markers").then().statusCode(200).body("$", anEmptyMap());

        String fullyRead = V3 + "/user/" + bob.userId() + "/rooms/" + roomId + "/account_data/m.fully_read";
        as(bob).get(fullyRead).then().statusCode(200).body("event_id", equalTo(second));
        assertThat(receiptsSeenBy(alice, roomId).members()).containsOnlyKeys(first);
        assertThat(receiptsSeenBy(bob, roomId).members()).containsOnlyKeys(first, second);

        // The marker does not move back, through either endpoint.
        as(bob).body(Map.of("m.fully_read", first)).post(path(roomId) + "/read_markers").then().statusCode(200);
        as(bob).body(Map.of()).post(receipt(roomId, "m.fully_read", first)).then().statusCode(200);
        as(bob).get(fullyRead).then().body("event_id", equalTo(second));
        String third = Rooms.send(alice, roomId, "three");
        as(bob).body(Map.of()).post(receipt(roomId, "m.fully_read", third)).then().statusCode(200);
        as(bob).get(fullyRead).then().body("event_id", equalTo(third));

        as(bob).body(Map.of("m.read", 7)).post(path(roomId) + "/read_markers").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(bob).body(Map.of("m.read", "$unknown")).post(path(roomId) + "/read_markers").then().statusCode(404);
        Matrix.Session carol = Matrix.registerFresh("rmc");
        as(carol).body(Map.of("m.read", first)).post(path(roomId) + "/read_markers").then().statusCode(403);
    }
}
