package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Syncs.at;
import static io.zhihang.server.api.Syncs.joined;
import static org.assertj.core.api.Assertions.assertThat;

/** Account data, tags and receipts as sync carries them. */
@QuarkusTest
class SyncUserDataApiTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> section) {
        return section == null ? List.of() : (List<Map<String, Object>>) section.get("events");
    }

    @Test
    void account_data_and_tags_reach_sync_once() {
        Matrix.Session alice = Matrix.registerFresh("ua");
        String roomId = Rooms.create(alice, Map.of());
        Map<String, Object> first = Syncs.initial(alice);

        as(alice).body(Map.of("theme", "dark")).put(V3 + "/user/" + alice.userId() + "/account_data/org.example.prefs")
                .then().statusCode(200);
        as(alice).body(Map.of("order", 0.25)).put(V3 + "/user/" + alice.userId() + "/rooms/" + roomId + "/tags/m.favourite")
                .then().statusCode(200);

        Map<String, Object> next = Syncs.since(alice, first);
        assertThat(events(at(next, "account_data"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "org.example.prefs");
            assertThat(at(e, "content")).containsEntry("theme", "dark");
        });
        assertThat(events(at(joined(next, roomId), "account_data"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.tag");
            assertThat(at(e, "content", "tags", "m.favourite")).containsEntry("order", 0.25d);
        });

        Map<String, Object> after = Syncs.since(alice, next);
        assertThat(events(at(after, "account_data"))).isEmpty();
        assertThat(at(after, "rooms", "join")).doesNotContainKey(roomId);

        Map<String, Object> fresh = Syncs.initial(alice);
        assertThat(events(at(fresh, "account_data"))).extracting(e -> e.get("type")).contains("org.example.prefs");
    }

    @Test
    void a_read_receipt_wakes_the_other_member_and_arrives_as_ephemeral() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("ur");
        Matrix.Session bob = Matrix.registerFresh("ur");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String eventId = Rooms.send(alice, roomId, "read me");
        Map<String, Object> first = Syncs.initial(alice);

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() ->
                Syncs.sync(alice, "timeout=20000&since=" + first.get("next_batch")));
        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/receipt/m.read/" + eventId).then().statusCode(200);

        Map<String, Object> woken = waiting.get(30, TimeUnit.SECONDS);
        List<Map<String, Object>> ephemeral = events(at(joined(woken, roomId), "ephemeral"));
        assertThat(ephemeral).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.receipt");
            assertThat(at(e, "content", eventId, "m.read")).containsKey(bob.userId());
        });
    }

    @Test
    void private_receipts_are_only_synced_to_their_owner() {
        Matrix.Session alice = Matrix.registerFresh("up");
        Matrix.Session bob = Matrix.registerFresh("up");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String eventId = Rooms.send(alice, roomId, "quietly read");
        Map<String, Object> alices = Syncs.initial(alice);
        Map<String, Object> bobs = Syncs.initial(bob);
        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/receipt/m.read.private/" + eventId).then().statusCode(200);

        Map<String, Object> aliceNext = Syncs.since(alice, alices);
        Map<String, Object> room = joined(aliceNext, roomId);
        assertThat(room == null ? List.of() : events(at(room, "ephemeral"))).isEmpty();
        Map<String, Object> bobNext = Syncs.since(bob, bobs);
        assertThat(events(at(joined(bobNext, roomId), "ephemeral"))).anySatisfy(e ->
                assertThat(at(e, "content", eventId, "m.read.private")).containsKey(bob.userId()));
    }

    @Test
    void unread_counts_rise_with_a_mention_and_fall_with_a_read_receipt() {
        Matrix.Session alice = Matrix.registerFresh("un");
        Matrix.Session bob = Matrix.registerFresh("un");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> first = Syncs.initial(bob);
        assertThat(events(at(first, "account_data"))).extracting(e -> e.get("type")).contains("m.push_rules");

        Rooms.send(alice, roomId, "plain message");
        String mention = Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.text",
                "body", "hey bob", "m.mentions", Map.of("user_ids", List.of(bob.userId()))));
        Map<String, Object> next = Syncs.since(bob, first);
        Map<String, Object> unread = at(joined(next, roomId), "unread_notifications");
        assertThat(unread).containsEntry("notification_count", 2).containsEntry("highlight_count", 1);

        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/receipt/m.read/" + mention).then().statusCode(200);
        Map<String, Object> read = Syncs.since(bob, next);
        assertThat(at(joined(read, roomId), "unread_notifications")).containsEntry("notification_count", 0)
                .containsEntry("highlight_count", 0);
    }
}
