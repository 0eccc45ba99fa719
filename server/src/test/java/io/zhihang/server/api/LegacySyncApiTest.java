package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The deprecated reads clients still peek with: {@code GET /rooms/{roomId}/initialSync}, {@code GET /events}
 * (with and without {@code room_id}) and {@code GET /initialSync}.
 */
@QuarkusTest
class LegacySyncApiTest {

    private static JsonPath roomInitialSync(Matrix.Session reader, String roomId) {
        return as(reader).get(path(roomId) + "/initialSync").then().statusCode(200)
                .body("room_id", equalTo(roomId))
                .body("messages.start", notNullValue()).body("messages.end", notNullValue())
                .body("presence", notNullValue()).body("receipts", notNullValue())
                .body("account_data", notNullValue())
                .extract().jsonPath();
    }

    private static List<String> bodies(JsonPath json, String path) {
        return json.getList(path + ".findAll { it.type == 'm.room.message' }.content.body", String.class);
    }

    @Test
    void a_member_gets_a_snapshot_of_the_room_with_its_membership() {
        Matrix.Session alice = Matrix.registerFresh("isync");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "name", "Snap"));
        Rooms.send(alice, roomId, "one");
        Rooms.send(alice, roomId, "two");

        JsonPath snapshot = roomInitialSync(alice, roomId);
        assertThat(snapshot.getString("membership")).isEqualTo("join");
        assertThat(bodies(snapshot, "messages.chunk")).containsExactly("one", "two");
        assertThat(snapshot.getList("state.type", String.class)).contains("m.room.create", "m.room.name");
        assertThat(snapshot.getList("messages.chunk.room_id", String.class)).containsOnly(roomId);
        as(alice).get(R0 + "/rooms/" + roomId + "/initialSync?limit=1").then().statusCode(200)
                .body("messages.chunk.size()", equalTo(1));

        // The start token pages further back with /messages.
        List<String> earlier = as(alice).get(path(roomId) + "/messages?dir=b&from="
                        + as(alice).get(path(roomId) + "/initialSync?limit=1").then().extract().path("messages.start"))
                .then().statusCode(200).extract().jsonPath()
                .getList("chunk.findAll { it.type == 'm.room.message' }.content.body", String.class);
        assertThat(earlier).containsExactly("one");
    }

    @Test
    void a_peeker_follows_a_world_readable_room_with_initial_sync_and_events() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("ipeek");
        String roomId = PeekingApiTest.worldReadableRoom(alice);
        Rooms.send(alice, roomId, "before the peek");

        for (Matrix.Session peeker : List.of(Matrix.registerFresh("ipeeker"), GuestAccessApiTest.guest())) {
            JsonPath snapshot = roomInitialSync(peeker, roomId);
            assertThat(snapshot.getString("membership")).as("a peeker has no membership").isNull();
            assertThat(bodies(snapshot, "messages.chunk")).contains("before the peek");
            String end = snapshot.getString("messages.end");

            as(peeker).get(V3 + "/events?timeout=0&room_id=" + roomId + "&from=" + end).then().statusCode(200)
                    .body("chunk.size()", equalTo(0)).body("start", equalTo(end)).body("end", equalTo(end));

            CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> as(peeker)
                    .get(V3 + "/events?timeout=20000&room_id=" + roomId + "&from=" + end)
                    .then().statusCode(200).extract().jsonPath());
            String eventId = Rooms.send(alice, roomId, "while peeking");
            JsonPath woken = waiting.get(30, TimeUnit.SECONDS);
            assertThat(woken.getList("chunk.event_id", String.class)).containsExactly(eventId);
            assertThat(woken.getList("chunk.room_id", String.class)).containsExactly(roomId);
            String next = woken.getString("end");
            as(peeker).get(R0 + "/events?timeout=0&room_id=" + roomId + "&from=" + next).then().statusCode(200)
                    .body("chunk.size()", equalTo(0));
        }
    }

    @Test
    void a_room_that_is_not_world_readable_cannot_be_peeked() {
        Matrix.Session alice = Matrix.registerFresh("inopeek");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Matrix.Session eve = Matrix.registerFresh("inopeeker");
        as(eve).get(path(roomId) + "/initialSync").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(V3 + "/events?timeout=0&room_id=" + roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void the_users_event_stream_follows_an_initial_sync() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("estream");
        Matrix.Session bob = Matrix.registerFresh("estreamb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "old news");

        JsonPath all = as(bob).get(V3 + "/initialSync?limit=5").then().statusCode(200)
                .body("end", notNullValue()).body("presence", notNullValue())
                .body("account_data", notNullValue()).body("receipts", notNullValue())
                .extract().jsonPath();
        Map<String, Object> room = all.getMap("rooms.find { it.room_id == '" + roomId + "' }");
        assertThat(room).containsEntry("membership", "join").containsEntry("visibility", "private");
        assertThat(bodies(all, "rooms.find { it.room_id == '" + roomId + "' }.messages.chunk"))
                .containsExactly("old news");
        String end = all.getString("end");

        // Anything new ends the wait (presence too): read on until the message comes, a bounded number of times.
        CompletableFuture<List<JsonPath>> waiting = CompletableFuture.supplyAsync(() -> {
            List<JsonPath> pages = new ArrayList<>();
            String from = end;
            for (int i = 0; i < 10; i++) {
                JsonPath page = as(bob).get(V3 + "/events?timeout=20000&from=" + from).then().statusCode(200)
                        .extract().jsonPath();
                pages.add(page);
                if (page.getList("chunk.type", String.class).contains("m.room.message")) {
                    break;
                }
                from = page.getString("end");
            }
            return pages;
        });
        String eventId = Rooms.send(alice, roomId, "fresh news");
        List<JsonPath> pages = waiting.get(30, TimeUnit.SECONDS);
        assertThat(pages.getFirst().getString("start")).isEqualTo(end);
        JsonPath woken = pages.getLast();
        assertThat(woken.getList("chunk.event_id", String.class)).contains(eventId);
        assertThat(woken.getList("chunk.findAll { it.event_id == '" + eventId + "' }.room_id", String.class))
                .containsExactly(roomId);
        as(bob).get(V3 + "/events?timeout=0&from=" + woken.getString("end")).then().statusCode(200)
                .body("chunk.event_id", not(hasItem(eventId)));
    }

    @Test
    void an_invitation_shows_in_initial_sync_with_its_inviter() {
        Matrix.Session alice = Matrix.registerFresh("einv");
        Matrix.Session bob = Matrix.registerFresh("einvb");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId())));
        JsonPath all = as(bob).get(V3 + "/initialSync").then().statusCode(200).extract().jsonPath();
        String room = "rooms.find { it.room_id == '" + roomId + "' }";
        assertThat(all.getString(room + ".membership")).isEqualTo("invite");
        assertThat(all.getString(room + ".inviter")).isEqualTo(alice.userId());
        assertThat(all.getString(room + ".invite.content.membership")).isEqualTo("invite");
    }

    @Test
    void archived_rooms_show_up_to_the_leave_and_forgotten_ones_not_at_all() {
        Matrix.Session alice = Matrix.registerFresh("earch");
        Matrix.Session bob = Matrix.registerFresh("earchb");
        String left = Rooms.create(alice, Map.of("preset", "public_chat"));
        String forgotten = Rooms.create(alice, Map.of("preset", "public_chat"));
        for (String roomId : List.of(left, forgotten)) {
            Rooms.join(bob, roomId);
            Rooms.send(alice, roomId, "while bob was there");
            as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
            Rooms.send(alice, roomId, "after bob left");
        }
        as(bob).body(Map.of()).post(path(forgotten) + "/forget").then().statusCode(200);

        assertThat(as(bob).get(V3 + "/initialSync").then().statusCode(200).extract().jsonPath()
                .getList("rooms.room_id", String.class)).doesNotContain(left, forgotten);
        JsonPath archived = as(bob).get(V3 + "/initialSync?archived=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(archived.getList("rooms.room_id", String.class)).contains(left).doesNotContain(forgotten);
        String room = "rooms.find { it.room_id == '" + left + "' }";
        assertThat(archived.getString(room + ".membership")).isEqualTo("leave");
        assertThat(bodies(archived, room + ".messages.chunk")).containsExactly("while bob was there");
    }

    @Test
    void guests_must_name_a_room_to_follow_events() {
        Matrix.Session guest = GuestAccessApiTest.guest();
        as(guest).get(V3 + "/events?timeout=0").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Guest users must specify room_id param"));
        as(guest).get(V3 + "/initialSync").then().statusCode(200).body("rooms.size()", equalTo(0));
    }
}
