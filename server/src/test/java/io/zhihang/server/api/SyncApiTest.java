package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Syncs.at;
import static io.zhihang.server.api.Syncs.bodies;
import static io.zhihang.server.api.Syncs.joined;
import static io.zhihang.server.api.Syncs.state;
import static io.zhihang.server.api.Syncs.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SyncApiTest {

    private static String filter(String json) {
        return "filter=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void an_initial_sync_shows_the_rooms_state_and_latest_messages() {
        Matrix.Session alice = Matrix.registerFresh("sa");
        String roomId = Rooms.create(alice, Map.of("name", "Tea"));
        Rooms.send(alice, roomId, "one");
        Rooms.send(alice, roomId, "two");

        Map<String, Object> sync = Syncs.initial(alice);

        assertThat((String) sync.get("next_batch")).startsWith("s");
        assertThat(bodies(timeline(sync, roomId))).containsExactly("one", "two");
        List<Map<String, Object>> all = new java.util.ArrayList<>(state(sync, roomId));
        all.addAll(timeline(sync, roomId));
        assertThat(all).extracting(e -> e.get("type"))
                .contains("m.room.create", "m.room.member", "m.room.power_levels", "m.room.name");
        assertThat(timeline(sync, roomId)).allSatisfy(e -> assertThat(e).doesNotContainKey("room_id"));
        assertThat(at(joined(sync, roomId), "timeline").get("prev_batch")).isNotNull();
        assertThat(at(joined(sync, roomId), "unread_notifications")).containsKeys("notification_count",
                "highlight_count");
        assertThat(sync).containsKeys("account_data", "presence", "to_device", "device_lists",
                "device_one_time_keys_count");
    }

    @Test
    void own_events_carry_the_transaction_id_they_were_sent_with() {
        Matrix.Session alice = Matrix.registerFresh("sx");
        String roomId = Rooms.create(alice, Map.of());
        as(alice).body(Map.of("msgtype", "m.text", "body", "hi")).put(Rooms.path(roomId) + "/send/m.room.message/myTxn1")
                .then().statusCode(200);
        Map<String, Object> sync = Syncs.initial(alice);
        Map<String, Object> last = timeline(sync, roomId).getLast();
        assertThat(at(last, "unsigned")).containsEntry("transaction_id", "myTxn1");
    }

    @Test
    void an_incremental_sync_shows_only_what_is_new() {
        Matrix.Session alice = Matrix.registerFresh("si");
        String roomId = Rooms.create(alice, Map.of());
        Rooms.send(alice, roomId, "old");
        Map<String, Object> first = Syncs.initial(alice);

        Map<String, Object> nothing = Syncs.since(alice, first);
        assertThat(at(nothing, "rooms", "join")).doesNotContainKey(roomId);

        Rooms.send(alice, roomId, "new");
        Map<String, Object> next = Syncs.since(alice, first);
        assertThat(bodies(timeline(next, roomId))).containsExactly("new");
        assertThat(at(joined(next, roomId), "timeline").get("limited")).isEqualTo(false);

        Map<String, Object> after = Syncs.since(alice, next);
        assertThat(at(after, "rooms", "join")).doesNotContainKey(roomId);
    }

    @Test
    void a_waiting_sync_wakes_when_a_message_arrives() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("sw");
        Matrix.Session bob = Matrix.registerFresh("sw");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> first = Syncs.initial(bob);

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() ->
                Syncs.sync(bob, "timeout=20000&since=" + first.get("next_batch")));
        Rooms.send(alice, roomId, "wake up");

        Map<String, Object> woken = waiting.get(30, TimeUnit.SECONDS);
        assertThat(bodies(timeline(woken, roomId))).containsExactly("wake up");
    }

    @Test
    void a_sync_with_nothing_new_returns_empty_when_the_timeout_passes() {
        Matrix.Session alice = Matrix.registerFresh("st");
        Rooms.create(alice, Map.of());
        Map<String, Object> first = Syncs.initial(alice);
        Map<String, Object> empty = Syncs.sync(alice, "timeout=50&since=" + first.get("next_batch"));
        assertThat(at(empty, "rooms", "join")).isEmpty();
        assertThat(empty.get("next_batch")).isNotNull();
    }

    @Test
    void a_limited_timeline_gives_a_prev_batch_that_pages_back_through_history() {
        Matrix.Session alice = Matrix.registerFresh("sl");
        String roomId = Rooms.create(alice, Map.of());
        for (int i = 1; i <= 5; i++) {
            Rooms.send(alice, roomId, "m" + i);
        }
        Map<String, Object> sync = Syncs.sync(alice, filter("{\"room\":{\"timeline\":{\"limit\":2}}}"));
        assertThat(bodies(timeline(sync, roomId))).containsExactly("m4", "m5");
        assertThat(at(joined(sync, roomId), "timeline").get("limited")).isEqualTo(true);
        String prevBatch = (String) at(joined(sync, roomId), "timeline").get("prev_batch");

        List<String> earlier = as(alice).get(Rooms.path(roomId) + "/messages?dir=b&limit=3&from=" + prevBatch)
                .then().statusCode(200).extract().path("chunk.content.body");
        assertThat(earlier).containsExactly("m3", "m2", "m1");
    }

    @Test
    void an_incremental_sync_after_a_gap_is_limited_and_carries_the_state_changed_in_the_gap() {
        Matrix.Session alice = Matrix.registerFresh("sg");
        String roomId = Rooms.create(alice, Map.of());
        String limit2 = filter("{\"room\":{\"timeline\":{\"limit\":2}}}");
        Map<String, Object> first = Syncs.sync(alice, limit2);
        Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "changed in the gap"));
        for (int i = 1; i <= 3; i++) {
            Rooms.send(alice, roomId, "g" + i);
        }
        Map<String, Object> next = Syncs.sync(alice, limit2 + "&timeout=0&since=" + first.get("next_batch"));
        assertThat(at(joined(next, roomId), "timeline").get("limited")).isEqualTo(true);
        assertThat(bodies(timeline(next, roomId))).containsExactly("g2", "g3");
        assertThat(state(next, roomId)).extracting(e -> e.get("type")).containsExactly("m.room.topic");
    }

    @Test
    void invites_joins_and_leaves_move_a_room_between_sections() {
        Matrix.Session alice = Matrix.registerFresh("sm");
        Matrix.Session bob = Matrix.registerFresh("sm");
        Map<String, Object> start = Syncs.initial(bob);
        String roomId = Rooms.create(alice, Map.of("name", "Secret", "invite", List.of(bob.userId())));
        Rooms.send(alice, roomId, "before bob joined");

        Map<String, Object> invited = Syncs.since(bob, start);
        Map<String, Object> invite = at(invited, "rooms", "invite", roomId);
        assertThat(invite).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inviteState = (List<Map<String, Object>>) at(invite, "invite_state").get("events");
        assertThat(inviteState).extracting(e -> e.get("type")).contains("m.room.name", "m.room.member",
                "m.room.create", "m.room.join_rules");
        assertThat(inviteState).allSatisfy(e -> assertThat(e).containsKeys("type", "state_key", "content", "sender"));

        Rooms.join(bob, roomId);
        Map<String, Object> joinedSync = Syncs.since(bob, invited);
        assertThat(at(joinedSync, "rooms", "invite")).doesNotContainKey(roomId);
        List<Map<String, Object>> everything = new java.util.ArrayList<>(state(joinedSync, roomId));
        everything.addAll(timeline(joinedSync, roomId));
        assertThat(everything).extracting(e -> e.get("type")).contains("m.room.create", "m.room.name");

        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);
        Map<String, Object> leftSync = Syncs.since(bob, joinedSync);
        Map<String, Object> left = at(leftSync, "rooms", "leave", roomId);
        assertThat(left).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> leftTimeline = (List<Map<String, Object>>) at(left, "timeline").get("events");
        assertThat(leftTimeline.getLast()).containsEntry("type", "m.room.member");
        assertThat(at(leftTimeline.getLast(), "content")).containsEntry("membership", "leave");

        Rooms.send(alice, roomId, "after bob left");
        Map<String, Object> later = Syncs.since(bob, leftSync);
        assertThat(at(later, "rooms", "leave")).doesNotContainKey(roomId);
        assertThat(at(later, "rooms", "join")).doesNotContainKey(roomId);
    }

    @Test
    void nobody_sees_rooms_they_are_not_in_nor_history_before_their_join() {
        Matrix.Session alice = Matrix.registerFresh("sh");
        Matrix.Session bob = Matrix.registerFresh("sh");
        Matrix.Session eve = Matrix.registerFresh("sh");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.putState(alice, roomId, "m.room.history_visibility", Map.of("history_visibility", "joined"));
        Rooms.send(alice, roomId, "before bob");
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "after bob");

        assertThat(bodies(timeline(Syncs.initial(bob), roomId))).containsExactly("after bob");
        Map<String, Object> eves = Syncs.initial(eve);
        assertThat(at(eves, "rooms", "join")).doesNotContainKey(roomId);
        assertThat(at(eves, "rooms", "invite")).doesNotContainKey(roomId);
        assertThat(at(eves, "rooms", "leave")).doesNotContainKey(roomId);
    }

    @Test
    void lazy_loading_sends_only_the_members_of_the_timeline_and_a_summary() {
        Matrix.Session alice = Matrix.registerFresh("sz");
        Matrix.Session bob = Matrix.registerFresh("sz");
        Matrix.Session carol = Matrix.registerFresh("sz");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.join(carol, roomId);
        for (int i = 0; i < 3; i++) {
            Rooms.send(alice, roomId, "from alice " + i);
        }
        Map<String, Object> sync = Syncs.sync(carol,
                filter("{\"room\":{\"timeline\":{\"limit\":3},\"state\":{\"lazy_load_members\":true}}}"));
        List<Object> memberKeys = state(sync, roomId).stream().filter(e -> "m.room.member".equals(e.get("type")))
                .map(e -> e.get("state_key")).toList();
        assertThat(memberKeys).contains(alice.userId(), carol.userId());
        Map<String, Object> summary = at(joined(sync, roomId), "summary");
        assertThat(summary).containsEntry("m.joined_member_count", 3);
        assertThat(summary.get("m.heroes")).asInstanceOf(LIST).containsExactlyInAnyOrder(alice.userId(), bob.userId());
    }

    @Test
    void full_state_resends_the_state() {
        Matrix.Session alice = Matrix.registerFresh("sf");
        String roomId = Rooms.create(alice, Map.of("name", "Full"));
        Map<String, Object> first = Syncs.initial(alice);
        for (int i = 0; i < 10; i++) {
            Rooms.send(alice, roomId, "pushing the state out of the timeline " + i);
        }
        Map<String, Object> full = Syncs.sync(alice, "full_state=true&since=" + first.get("next_batch"));
        assertThat(state(full, roomId)).extracting(e -> e.get("type")).contains("m.room.name", "m.room.create");
    }

    @Test
    void bad_requests_are_refused_with_matrix_errors() {
        Matrix.Session alice = Matrix.registerFresh("sb");
        as(alice).get(V3 + "/sync?since=garbage").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(V3 + "/sync?timeout=soon").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(V3 + "/sync?full_state=yes").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).urlEncodingEnabled(false).get(V3 + "/sync?filter=%7Bnot%20json").then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        Matrix.json().get(V3 + "/sync").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).get("/_matrix/client/r0/sync?unknown_param=1").then().statusCode(200);
    }

    @Test
    void lazy_loading_clients_get_new_member_counts_when_someone_joins() {
        Matrix.Session alice = Matrix.registerFresh("sj");
        Matrix.Session bob = Matrix.registerFresh("sj");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", "Counted"));
        String lazy = filter("{\"room\":{\"state\":{\"lazy_load_members\":true}}}");
        Map<String, Object> first = Syncs.sync(alice, lazy);
        assertThat(at(joined(first, roomId), "summary")).containsEntry("m.joined_member_count", 1);
        Rooms.join(bob, roomId);
        Map<String, Object> next = Syncs.sync(alice, lazy + "&timeout=0&since=" + first.get("next_batch"));
        assertThat(at(joined(next, roomId), "summary")).containsEntry("m.joined_member_count", 2);
    }

    @Test
    void an_initial_sync_bundles_the_latest_edit_with_its_original() {
        Matrix.Session alice = Matrix.registerFresh("se");
        String roomId = Rooms.create(alice, Map.of());
        String original = Rooms.send(alice, roomId, "typo");
        String edit = Rooms.edit(alice, roomId, original, "fixed");
        Map<String, Object> sync = Syncs.initial(alice);
        Map<String, Object> event = timeline(sync, roomId).stream()
                .filter(e -> original.equals(e.get("event_id"))).findFirst().orElseThrow();
        assertThat(at(event, "unsigned", "m.relations", "m.replace")).containsEntry("event_id", edit);
    }

    @Test
    void a_thread_root_in_a_sync_carries_its_summary() {
        Matrix.Session alice = Matrix.registerFresh("sr");
        String roomId = Rooms.create(alice, Map.of());
        Map<String, Object> first = Syncs.initial(alice);
        String root = Rooms.send(alice, roomId, "root");
        Rooms.reply(alice, roomId, root, "reply one");
        String last = Rooms.reply(alice, roomId, root, "reply two");
        Map<String, Object> next = Syncs.since(alice, first);
        Map<String, Object> event = timeline(next, roomId).stream()
                .filter(e -> root.equals(e.get("event_id"))).findFirst().orElseThrow();
        Map<String, Object> thread = at(event, "unsigned", "m.relations", "m.thread");
        assertThat(thread).containsEntry("count", 2);
        assertThat(at(thread, "latest_event")).containsEntry("event_id", last);
    }

    @Test
    void members_at_a_token_are_the_members_as_they_were_then() {
        Matrix.Session alice = Matrix.registerFresh("sa");
        Matrix.Session bob = Matrix.registerFresh("sa");
        Matrix.Session carol = Matrix.registerFresh("sa");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String token = (String) Syncs.initial(alice).get("next_batch");
        Rooms.join(carol, roomId);
        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);

        List<String> then = as(alice).urlEncodingEnabled(false)
                .get(Rooms.path(roomId) + "/members?not_membership=leave&at=" + token)
                .then().statusCode(200).extract().path("chunk.state_key");
        assertThat(then).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        List<String> now = as(alice).get(Rooms.path(roomId) + "/members?not_membership=leave")
                .then().statusCode(200).extract().path("chunk.state_key");
        assertThat(now).containsExactlyInAnyOrder(alice.userId(), carol.userId());
        as(alice).get(Rooms.path(roomId) + "/members?at=nonsense").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void an_invite_shows_when_it_was_sent_who_sent_it_and_who_was_invited() {
        Matrix.Session alice = Matrix.registerFresh("inviter");
        Matrix.Session bob = Matrix.registerFresh("invitee");
        as(alice).body(Map.of("displayname", "Alice Liddell")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(200);
        as(bob).body(Map.of("displayname", "Bob Builder")).put(V3 + "/profile/" + bob.userId() + "/displayname")
                .then().statusCode(200);
        Map<String, Object> start = Syncs.initial(bob);
        long before = System.currentTimeMillis();
        String roomId = Rooms.create(alice, Map.of("is_direct", true, "invite", List.of(bob.userId()),
                "preset", "trusted_private_chat"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) at(Syncs.since(bob, start), "rooms", "invite",
                roomId, "invite_state").get("events");
        Map<String, Object> invite = events.getLast();
        assertThat(invite).containsEntry("type", "m.room.member").containsEntry("state_key", bob.userId())
                .containsEntry("sender", alice.userId()).containsKeys("event_id", "origin_server_ts");
        assertThat(((Number) invite.get("origin_server_ts")).longValue()).isGreaterThanOrEqualTo(before);
        assertThat(at(invite, "content")).containsEntry("membership", "invite")
                .containsEntry("displayname", "Bob Builder").containsEntry("is_direct", true);
        assertThat(events).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.room.member").containsEntry("state_key", alice.userId());
            assertThat(at(e, "content")).containsEntry("membership", "join").containsEntry("displayname", "Alice Liddell");
        });
    }
}
