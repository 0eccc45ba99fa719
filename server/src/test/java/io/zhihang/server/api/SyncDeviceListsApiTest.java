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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code device_lists} in sync and {@code GET /keys/changes}: who is told that whose devices changed. */
@QuarkusTest
class SyncDeviceListsApiTest {

    private static Matrix.Session newDevice(Matrix.Session user) {
        return Matrix.login(user.userId().substring(1, user.userId().indexOf(':')), Matrix.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static List<String> changed(Map<String, Object> sync) {
        return (List<String>) at(sync, "device_lists").get("changed");
    }

    @SuppressWarnings("unchecked")
    private static List<String> left(Map<String, Object> sync) {
        return (List<String>) at(sync, "device_lists").get("left");
    }

    @Test
    void a_new_device_is_news_to_room_mates_and_to_oneself_but_not_to_strangers() {
        Matrix.Session alice = Matrix.registerFresh("dla");
        Matrix.Session bob = Matrix.registerFresh("dlb");
        Matrix.Session stranger = Matrix.registerFresh("dls");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> bobFirst = Syncs.initial(bob);
        Map<String, Object> aliceFirst = Syncs.initial(alice);
        Map<String, Object> strangerFirst = Syncs.initial(stranger);
        assertThat(changed(bobFirst)).isEmpty();

        newDevice(alice);

        assertThat(changed(Syncs.since(bob, bobFirst))).containsExactly(alice.userId());
        assertThat(changed(Syncs.since(alice, aliceFirst))).containsExactly(alice.userId());
        assertThat(changed(Syncs.since(stranger, strangerFirst))).isEmpty();
    }

    @Test
    void a_renamed_device_is_news_to_room_mates_and_to_ones_other_devices_but_not_to_strangers() {
        Matrix.Session alice = Matrix.registerFresh("dlr");
        Matrix.Session bob = Matrix.registerFresh("dlr");
        Matrix.Session stranger = Matrix.registerFresh("dlr");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId())));
        Rooms.join(bob, roomId);
        Matrix.Session laptop = newDevice(alice);
        Map<String, Object> bobBefore = Syncs.initial(bob);
        Map<String, Object> laptopBefore = Syncs.initial(laptop);
        Map<String, Object> strangerBefore = Syncs.initial(stranger);

        as(alice).body(Map.of("display_name", "Alice's phone")).put(V3 + "/devices/" + alice.deviceId())
                .then().statusCode(200);

        Map<String, Object> bobAfter = Syncs.since(bob, bobBefore);
        assertThat(changed(bobAfter)).containsExactly(alice.userId());
        assertThat(changed(Syncs.since(laptop, laptopBefore))).containsExactly(alice.userId());
        assertThat(changed(Syncs.since(stranger, strangerBefore))).isEmpty();
        as(bob).queryParam("from", bobBefore.get("next_batch")).queryParam("to", bobAfter.get("next_batch"))
                .get(V3 + "/keys/changes").then().statusCode(200).body("changed", equalTo(List.of(alice.userId())));
    }

    @Test
    void ones_own_new_device_is_news_also_when_room_events_come_with_it() {
        Matrix.Session alice = Matrix.registerFresh("dlo");
        Matrix.Session bob = Matrix.registerFresh("dlo");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> before = Syncs.initial(alice);

        newDevice(alice);
        Rooms.send(bob, roomId, "sent after Alice's new device");
        Map<String, Object> after = Syncs.since(alice, before);

        assertThat(Syncs.bodies(Syncs.timeline(after, roomId))).containsExactly("sent after Alice's new device");
        assertThat(changed(after)).containsExactly(alice.userId());
        as(alice).queryParam("from", before.get("next_batch")).queryParam("to", after.get("next_batch"))
                .get(V3 + "/keys/changes").then().statusCode(200).body("changed", equalTo(List.of(alice.userId())));
    }

    @Test
    void a_deleted_device_is_news_and_wakes_a_waiting_sync() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("dlw");
        Matrix.Session bob = Matrix.registerFresh("dlw");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Matrix.Session second = newDevice(alice);
        Map<String, Object> first = Syncs.initial(bob);

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() ->
                Syncs.sync(bob, "timeout=20000&since=" + first.get("next_batch")));
        as(second).body(Map.of()).post(V3 + "/logout").then().statusCode(200);

        assertThat(changed(waiting.get(30, TimeUnit.SECONDS))).containsExactly(alice.userId());
    }

    @Test
    void joining_and_leaving_a_shared_room_moves_users_between_changed_and_left() {
        Matrix.Session alice = Matrix.registerFresh("dlj");
        Matrix.Session bob = Matrix.registerFresh("dlj");
        Matrix.Session carol = Matrix.registerFresh("dlj");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Map<String, Object> bobBefore = Syncs.initial(bob);
        Map<String, Object> carolBefore = Syncs.initial(carol);

        Rooms.join(carol, roomId);
        Map<String, Object> bobAfterJoin = Syncs.since(bob, bobBefore);
        Map<String, Object> carolAfterJoin = Syncs.since(carol, carolBefore);
        assertThat(changed(bobAfterJoin)).containsExactly(carol.userId());
        assertThat(changed(carolAfterJoin)).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        assertThat(left(carolAfterJoin)).isEmpty();

        as(carol).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(200);
        Map<String, Object> bobAfterLeave = Syncs.since(bob, bobAfterJoin);
        Map<String, Object> carolAfterLeave = Syncs.since(carol, carolAfterJoin);
        assertThat(left(bobAfterLeave)).containsExactly(carol.userId());
        assertThat(changed(bobAfterLeave)).isEmpty();
        assertThat(left(carolAfterLeave)).containsExactlyInAnyOrder(alice.userId(), bob.userId());
    }

    @Test
    void a_user_still_sharing_another_room_is_not_left_and_a_profile_change_is_no_news() {
        Matrix.Session alice = Matrix.registerFresh("dlk");
        Matrix.Session bob = Matrix.registerFresh("dlk");
        String one = Rooms.create(alice, Map.of("preset", "public_chat"));
        String two = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, one);
        Rooms.join(bob, two);
        Map<String, Object> before = Syncs.initial(alice);

        as(bob).body(Map.of()).post(Rooms.path(one) + "/leave").then().statusCode(200);
        as(bob).body(Map.of("displayname", "Bobby")).put(V3 + "/profile/" + bob.userId() + "/displayname")
                .then().statusCode(200);
        Map<String, Object> after = Syncs.since(alice, before);

        assertThat(left(after)).isEmpty();
        assertThat(changed(after)).isEmpty();
    }

    @Test
    void keys_changes_reports_between_two_tokens_and_refuses_bad_ones() {
        Matrix.Session alice = Matrix.registerFresh("dlc");
        Matrix.Session bob = Matrix.registerFresh("dlc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String from = (String) Syncs.initial(bob).get("next_batch");
        newDevice(alice);
        String to = (String) Syncs.initial(bob).get("next_batch");

        as(bob).queryParam("from", from).queryParam("to", to).get(V3 + "/keys/changes")
                .then().statusCode(200).body("changed", equalTo(List.of(alice.userId())))
                .body("left", equalTo(List.of()));
        as(bob).queryParam("from", to).queryParam("to", to).get("/_matrix/client/r0/keys/changes")
                .then().statusCode(200).body("changed", equalTo(List.of()));
        as(bob).queryParam("from", "garbage").queryParam("to", to).get(V3 + "/keys/changes")
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(bob).queryParam("to", to).get(V3 + "/keys/changes")
                .then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        Matrix.json().queryParam("from", from).queryParam("to", to).get(V3 + "/keys/changes")
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
