package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Syncs.at;
import static io.zhihang.server.api.Syncs.bodies;
import static io.zhihang.server.api.Syncs.joined;
import static io.zhihang.server.api.Syncs.state;
import static io.zhihang.server.api.Syncs.timeline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sync must tell besides the latest events, as Synapse tells it: every state change of a gap (members too when
 * lazy-loading), the state of a room just joined even when the timeline filter hides it, current state set while the
 * reader could not see the room, a filtered timeline filled up to its limit, and the presence of new room mates.
 */
@QuarkusTest
class SyncCompletenessApiTest {
    private static final Map<String, Object> PUBLIC = Map.of("preset", "public_chat");

    private static String filter(String json) {
        return "filter=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> syncAgain(Matrix.Session session, String filter, Map<String, Object> previous) {
        return Syncs.sync(session, filter + "&timeout=0&since=" + previous.get("next_batch"));
    }

    private static List<String> memberKeys(List<Map<String, Object>> state) {
        return state.stream().filter(e -> "m.room.member".equals(e.get("type")))
                .map(e -> (String) e.get("state_key")).toList();
    }

    private static void fill(Matrix.Session sender, String roomId, int count) {
        for (int i = 0; i < count; i++) {
            Rooms.send(sender, roomId, "a.made.up.filler.type", Map.of("i", i));
        }
    }

    @Test
    void a_gapped_lazy_loading_sync_includes_members_who_joined_or_left_in_the_gap() {
        Matrix.Session alice = Matrix.registerFresh("gla");
        Matrix.Session bob = Matrix.registerFresh("glb");
        Matrix.Session charlie = Matrix.registerFresh("glc");
        Matrix.Session dave = Matrix.registerFresh("gld");
        String ll = filter("{\"room\":{\"state\":{\"lazy_load_members\":true},\"timeline\":{\"limit\":10}}}");
        String roomId = Rooms.create(alice, PUBLIC);
        Rooms.putState(alice, roomId, "m.room.name", Map.of("name", "A room name"));
        Rooms.join(bob, roomId);
        Rooms.join(charlie, roomId);
        for (int i = 0; i < 10; i++) {
            Rooms.send(bob, roomId, "b" + i);
        }
        Map<String, Object> first = Syncs.sync(alice, ll);
        assertThat(memberKeys(state(first, roomId))).containsExactlyInAnyOrder(alice.userId(), bob.userId());

        Rooms.join(dave, roomId);
        for (int i = 0; i < 20; i++) {
            Rooms.send(charlie, roomId, "c" + i);
        }
        Map<String, Object> second = syncAgain(alice, ll, first);
        assertThat(at(joined(second, roomId), "timeline").get("limited")).isEqualTo(true);
        assertThat(memberKeys(state(second, roomId))).containsExactlyInAnyOrder(charlie.userId(), dave.userId());

        as(dave).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            Rooms.send(charlie, roomId, "d" + i);
        }
        Map<String, Object> third = syncAgain(alice, ll, second);
        List<Map<String, Object>> members = state(third, roomId).stream()
                .filter(e -> "m.room.member".equals(e.get("type"))).toList();
        assertThat(members).singleElement().satisfies(e -> {
            assertThat(e.get("state_key")).isEqualTo(dave.userId());
            assertThat(at(e, "content").get("membership")).isEqualTo("leave");
        });
    }

    @Test
    void the_state_of_a_room_just_joined_comes_in_the_next_sync_even_when_the_timeline_filter_hides_it() {
        Matrix.Session alice = Matrix.registerFresh("sja");
        Matrix.Session bob = Matrix.registerFresh("sjb");
        String f = filter("{\"room\":{\"timeline\":{\"types\":[]},\"state\":{\"types\":[\"a.madeup.test.state\"]},"
                + "\"ephemeral\":{\"types\":[]}},\"presence\":{\"types\":[]}}");
        String roomId = Rooms.create(alice, Map.of());
        as(alice).body(Map.of("my_key", 1)).put(Rooms.path(roomId) + "/state/a.madeup.test.state/")
                .then().statusCode(200);
        as(alice).body(Map.of("user_id", bob.userId())).post(Rooms.path(roomId) + "/invite").then().statusCode(200);
        Map<String, Object> before = Syncs.sync(bob, f);
        Rooms.join(bob, roomId);

        Map<String, Object> after = syncAgain(bob, f, before);

        assertThat(state(after, roomId)).singleElement().satisfies(e -> {
            assertThat(e.get("type")).isEqualTo("a.madeup.test.state");
            assertThat(at(e, "content").get("my_key")).isEqualTo(1);
        });
        // The same in an initial sync: the state is the room's, not the state before the hidden events.
        assertThat(state(Syncs.sync(bob, f), roomId)).extracting(e -> e.get("type"))
                .containsExactly("a.madeup.test.state");
    }

    @Test
    void current_state_set_while_the_reader_was_away_appears_in_the_timeline_of_a_private_history_room() {
        Matrix.Session creator = Matrix.registerFresh("cpc");
        Matrix.Session syncer = Matrix.registerFresh("cps");
        Matrix.Session invitee = Matrix.registerFresh("cpi");
        String roomId = Rooms.create(creator, PUBLIC);
        Rooms.join(syncer, roomId);
        Rooms.putState(creator, roomId, "m.room.history_visibility", Map.of("history_visibility", "joined"));
        as(creator).body(Map.of("user_id", invitee.userId())).post(Rooms.path(roomId) + "/invite")
                .then().statusCode(200);
        Map<String, Object> before = Syncs.initial(syncer);
        as(syncer).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);
        Rooms.join(invitee, roomId);
        for (int i = 0; i < 30; i++) {
            Rooms.send(creator, roomId, "while away " + i);
        }
        Rooms.join(syncer, roomId);

        Map<String, Object> after = Syncs.since(syncer, before);

        List<Map<String, Object>> events = timeline(after, roomId);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("m.room.member");
            assertThat(e.get("state_key")).isEqualTo(invitee.userId());
            assertThat(at(e, "content").get("membership")).isEqualTo("join");
        });
        // What was said while the syncer was away stays hidden.
        assertThat(bodies(events)).noneMatch(body -> body != null && body.startsWith("while away"));
    }

    @Test
    void a_filtered_timeline_reads_back_until_it_reaches_its_limit() {
        Matrix.Session user = Matrix.registerFresh("ftl");
        String f = filter("{\"room\":{\"timeline\":{\"limit\":1,\"types\":[\"m.room.message\"]},"
                + "\"state\":{\"types\":[]}},\"account_data\":{\"types\":[]},\"presence\":{\"types\":[]}}");
        String roomId = Rooms.create(user, Map.of());
        String message = Rooms.send(user, roomId, "My message");
        fill(user, roomId, 12);

        Map<String, Object> sync = Syncs.sync(user, f);

        Map<String, Object> room = joined(sync, roomId);
        assertThat(timeline(sync, roomId)).singleElement().satisfies(e -> {
            assertThat(e.get("event_id")).isEqualTo(message);
            assertThat(at(e, "content").get("body")).isEqualTo("My message");
        });
        assertThat(at(room, "timeline").get("limited")).isEqualTo(false);
        assertThat(state(sync, roomId)).isEmpty();

        // Incrementally too: the gap's messages fill the timeline, and it is limited as more were left out.
        String second = Rooms.send(user, roomId, "second");
        String third = Rooms.send(user, roomId, "third");
        fill(user, roomId, 12);
        String f2 = filter("{\"room\":{\"timeline\":{\"limit\":2,\"types\":[\"m.room.message\"]}}}");
        Map<String, Object> next = Syncs.sync(user, f2 + "&timeout=0&since=" + sync.get("next_batch"));
        assertThat(timeline(next, roomId)).extracting(e -> e.get("event_id")).containsExactly(second, third);
    }

    @Test
    void a_sync_after_joining_tells_the_presence_of_the_new_room_mates_once() {
        Matrix.Session alice = Matrix.registerFresh("npa");
        Matrix.Session bob = Matrix.registerFresh("npb");
        as(alice).body(Map.of("presence", "online")).put(V3 + "/presence/" + alice.userId() + "/status")
                .then().statusCode(200);
        String roomId = Rooms.create(alice, PUBLIC);
        Map<String, Object> bobBefore = Syncs.initial(bob);
        Map<String, Object> aliceBefore = Syncs.since(alice, Syncs.initial(alice));
        as(bob).body(Map.of("presence", "online")).put(V3 + "/presence/" + bob.userId() + "/status")
                .then().statusCode(200);
        Map<String, Object> aliceQuiet = Syncs.since(alice, aliceBefore); // bob's change is not alice's business yet
        assertThat(presenceSenders(aliceQuiet)).doesNotContain(bob.userId());

        Rooms.join(bob, roomId);

        Map<String, Object> bobAfter = Syncs.since(bob, bobBefore);
        assertThat(presenceSenders(bobAfter)).contains(alice.userId());
        assertThat(presenceSenders(Syncs.since(bob, bobAfter))).doesNotContain(alice.userId());
        Map<String, Object> aliceAfter = Syncs.since(alice, aliceQuiet);
        assertThat(presenceSenders(aliceAfter)).contains(bob.userId());
        assertThat(presenceSenders(Syncs.since(alice, aliceAfter))).doesNotContain(bob.userId());
    }

    @SuppressWarnings("unchecked")
    private static List<String> presenceSenders(Map<String, Object> sync) {
        Object presence = sync.get("presence");
        if (presence == null) {
            return List.of();
        }
        List<Map<String, Object>> events = (List<Map<String, Object>>) ((Map<String, Object>) presence).get("events");
        return events == null ? List.of() : events.stream().map(e -> (String) e.get("sender")).toList();
    }
}
