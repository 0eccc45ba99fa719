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
import static io.zhihang.server.api.Syncs.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.hamcrest.Matchers.equalTo;

/** Typing, presence and stored filters as sync uses them. */
@QuarkusTest
class SyncEphemeralApiTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> section) {
        return section == null ? List.of() : (List<Map<String, Object>>) section.get("events");
    }

    @Test
    void typing_wakes_the_other_member_and_stopping_is_synced_too() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("yt");
        Matrix.Session bob = Matrix.registerFresh("yt");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> first = Syncs.initial(bob);

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() ->
                Syncs.sync(bob, "timeout=20000&since=" + first.get("next_batch")));
        as(alice).body(Map.of("typing", true, "timeout", 30000))
                .put(Rooms.path(roomId) + "/typing/" + alice.userId()).then().statusCode(200);
        Map<String, Object> typing = waiting.get(30, TimeUnit.SECONDS);
        assertThat(events(at(joined(typing, roomId), "ephemeral"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.typing");
            assertThat(at(e, "content").get("user_ids")).asInstanceOf(LIST).containsExactly(alice.userId());
        });

        as(alice).body(Map.of("typing", false)).put(Rooms.path(roomId) + "/typing/" + alice.userId())
                .then().statusCode(200);
        Map<String, Object> stopped = Syncs.since(bob, typing);
        assertThat(events(at(joined(stopped, roomId), "ephemeral"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.typing");
            assertThat(at(e, "content").get("user_ids")).asInstanceOf(LIST).isEmpty();
        });
    }

    @Test
    void presence_of_room_mates_reaches_sync_and_set_presence_is_applied() {
        Matrix.Session alice = Matrix.registerFresh("yp");
        Matrix.Session bob = Matrix.registerFresh("yp");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> first = Syncs.initial(bob);
        as(alice).body(Map.of("presence", "unavailable", "status_msg", "brb"))
                .put(V3 + "/presence/" + alice.userId() + "/status").then().statusCode(200);

        Map<String, Object> next = Syncs.since(bob, first);
        assertThat(events(at(next, "presence"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.presence").containsEntry("sender", alice.userId());
            assertThat(at(e, "content")).containsEntry("presence", "unavailable").containsEntry("status_msg", "brb");
        });

        Syncs.sync(alice, "set_presence=online&timeout=0&since=" + first.get("next_batch"));
        as(bob).get(V3 + "/presence/" + alice.userId() + "/status").then().statusCode(200)
                .body("presence", equalTo("online"));
    }

    @Test
    void a_stored_filter_is_applied_by_id_and_an_unknown_id_is_refused() {
        Matrix.Session alice = Matrix.registerFresh("yf");
        String roomId = Rooms.create(alice, Map.of());
        for (int i = 1; i <= 4; i++) {
            Rooms.send(alice, roomId, "f" + i);
        }
        String filterId = as(alice).body(Map.of("room", Map.of("timeline", Map.of("limit", 1))))
                .post(V3 + "/user/" + alice.userId() + "/filter").then().statusCode(200).extract().path("filter_id");
        Map<String, Object> sync = Syncs.sync(alice, "filter=" + filterId);
        assertThat(Syncs.bodies(timeline(sync, roomId))).containsExactly("f4");
        assertThat(at(joined(sync, roomId), "timeline").get("limited")).isEqualTo(true);

        as(alice).get(V3 + "/sync?filter=99999999").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void event_types_filtered_out_of_the_timeline_stay_out() {
        Matrix.Session alice = Matrix.registerFresh("yn");
        String roomId = Rooms.create(alice, Map.of());
        Rooms.send(alice, roomId, "kept");
        Rooms.send(alice, roomId, "org.example.noise", Map.of("x", 1));
        Map<String, Object> sync = Syncs.sync(alice, "filter=" + java.net.URLEncoder.encode(
                "{\"room\":{\"timeline\":{\"not_types\":[\"org.example.*\"]}}}", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(timeline(sync, roomId)).extracting(e -> e.get("type")).doesNotContain("org.example.noise");
        assertThat(Syncs.bodies(timeline(sync, roomId))).contains("kept");
    }

    @Test
    void event_fields_cut_events_down_to_the_fields_asked_for() {
        Matrix.Session alice = Matrix.registerFresh("ye");
        String roomId = Rooms.create(alice, Map.of());
        Rooms.send(alice, roomId, "trimmed");
        Map<String, Object> sync = Syncs.sync(alice, "filter=" + java.net.URLEncoder.encode(
                "{\"event_fields\":[\"type\",\"content.body\"]}", java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> last = timeline(sync, roomId).getLast();
        assertThat(last).containsOnlyKeys("type", "content");
        assertThat(at(last, "content")).containsOnlyKeys("body");
    }

    @Test
    void event_format_federation_gives_the_signed_pdus() {
        Matrix.Session alice = Matrix.registerFresh("yg");
        String roomId = Rooms.create(alice, Map.of());
        String eventId = Rooms.send(alice, roomId, "as a pdu");
        String federation = "filter=" + java.net.URLEncoder.encode("{\"event_format\":\"federation\"}",
                java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> first = Syncs.sync(alice, federation);
        Map<String, Object> pdu = timeline(first, roomId).getLast();
        assertThat(pdu).containsEntry("event_id", eventId).containsEntry("room_id", roomId)
                .containsKeys("auth_events", "prev_events", "depth", "hashes", "signatures", "origin_server_ts");
        Rooms.send(alice, roomId, "incremental pdu");
        Map<String, Object> next = Syncs.sync(alice, federation + "&timeout=0&since=" + first.get("next_batch"));
        assertThat(timeline(next, roomId).getLast()).containsKeys("hashes", "signatures", "prev_events");
    }

    @Test
    void leaving_a_room_stops_typing_there() {
        Matrix.Session alice = Matrix.registerFresh("yl");
        Matrix.Session bob = Matrix.registerFresh("yl");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        as(bob).body(Map.of("typing", true, "timeout", 60000)).put(Rooms.path(roomId) + "/typing/" + bob.userId())
                .then().statusCode(200);
        Map<String, Object> first = Syncs.initial(alice);
        assertThat(events(at(joined(first, roomId), "ephemeral"))).anySatisfy(e ->
                assertThat(at(e, "content").get("user_ids")).asInstanceOf(LIST).containsExactly(bob.userId()));
        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);
        Map<String, Object> next = Syncs.since(alice, first);
        assertThat(events(at(joined(next, roomId), "ephemeral"))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.typing");
            assertThat(at(e, "content").get("user_ids")).asInstanceOf(LIST).isEmpty();
        });
    }
}
