package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** {@code GET /rooms/{roomId}/threads}. */
@QuarkusTest
class ThreadsApiTest {

    @Test
    void threads_are_listed_by_latest_activity_with_their_summaries() {
        Matrix.Session alice = Matrix.registerFresh("thl");
        Matrix.Session bob = Matrix.registerFresh("thlb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String older = Rooms.send(alice, roomId, "older topic");
        String newer = Rooms.send(bob, roomId, "newer topic");
        Rooms.send(alice, roomId, "no thread here");
        Rooms.reply(bob, roomId, newer, "on newer");
        String latest = Rooms.reply(bob, roomId, older, "back to older");

        var all = as(alice).get(v1(roomId) + "/threads").then().statusCode(200)
                .body("$", not(hasKey("next_batch")))
                .body("chunk[0].unsigned.'m.relations'.'m.thread'.latest_event.event_id", equalTo(latest))
                .body("chunk[0].unsigned.'m.relations'.'m.thread'.count", equalTo(1))
                .body("chunk[0].room_id", equalTo(roomId))
                .extract().jsonPath();
        assertThat(all.getList("chunk.event_id", String.class)).containsExactly(older, newer);

        var page1 = as(alice).get(v1(roomId) + "/threads?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("chunk.event_id", String.class)).containsExactly(older);
        as(alice).get(v1(roomId) + "/threads?limit=1&from=" + page1.getString("next_batch")).then().statusCode(200)
                .body("chunk", hasSize(1)).body("chunk[0].event_id", equalTo(newer))
                .body("$", not(hasKey("next_batch")));
        as(alice).get(V3 + "/rooms/" + roomId + "/threads?include=all").then().statusCode(200)
                .body("chunk", hasSize(2));
    }

    @Test
    void participated_keeps_the_threads_the_reader_started_or_replied_to() {
        Matrix.Session alice = Matrix.registerFresh("thp");
        Matrix.Session bob = Matrix.registerFresh("thpb");
        Matrix.Session carol = Matrix.registerFresh("thpc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.join(carol, roomId);
        String alices = Rooms.send(alice, roomId, "alice's");
        String bobs = Rooms.send(bob, roomId, "bob's");
        Rooms.reply(bob, roomId, alices, "bob in alice's");
        Rooms.reply(bob, roomId, bobs, "bob in bob's");

        var forAlice = as(alice).get(v1(roomId) + "/threads?include=participated").then().statusCode(200)
                .extract().jsonPath();
        assertThat(forAlice.getList("chunk.event_id", String.class)).containsExactly(alices);
        var forBob = as(bob).get(v1(roomId) + "/threads?include=participated").then().statusCode(200)
                .extract().jsonPath();
        assertThat(forBob.getList("chunk.event_id", String.class)).containsExactly(bobs, alices);
        as(carol).get(v1(roomId) + "/threads?include=participated").then().statusCode(200).body("chunk", hasSize(0));
        as(carol).get(v1(roomId) + "/threads").then().statusCode(200).body("chunk", hasSize(2));
    }

    @Test
    void a_thread_whose_replies_were_all_redacted_disappears() {
        Matrix.Session alice = Matrix.registerFresh("thr");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        String reply = Rooms.reply(alice, roomId, root, "only reply");
        Rooms.redact(alice, roomId, reply);
        as(alice).get(v1(roomId) + "/threads").then().statusCode(200).body("chunk", hasSize(0));
    }

    @Test
    void outsiders_and_bad_parameters_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("thx");
        Matrix.Session eve = Matrix.registerFresh("thxe");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(eve).get(v1(roomId) + "/threads").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(v1(roomId) + "/threads?include=mine").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/threads?limit=0").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/threads?from=nope").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }
}
