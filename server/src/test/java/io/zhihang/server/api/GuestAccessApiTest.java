package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Guest accounts ({@code POST /register?kind=guest}): what Synapse lets guests do, the refusals elsewhere,
 * {@code m.room.guest_access}, and the upgrade to a full account that keeps the user id.
 */
@QuarkusTest
class GuestAccessApiTest {

    static Matrix.Session guest() {
        return Matrix.Session.from(json().body(Map.of()).post(V3 + "/register?kind=guest").then().statusCode(200)
                .body("user_id", matchesPattern("@[0-9]+:.*"))
                .body("device_id", equalTo("guest_device"))
                .body("access_token", notNullValue())
                .body("home_server", notNullValue()));
    }

    private static String roomGuestsMayJoin(Matrix.Session creator) {
        String roomId = Rooms.create(creator, Map.of("preset", "public_chat"));
        Rooms.putState(creator, roomId, "m.room.guest_access", Map.of("guest_access", "can_join"));
        return roomId;
    }

    @Test
    void a_guest_is_told_it_is_one_and_uses_what_guests_may() {
        Matrix.Session guest = guest();
        as(guest).get(V3 + "/account/whoami").then().statusCode(200)
                .body("user_id", equalTo(guest.userId())).body("device_id", equalTo("guest_device"))
                .body("is_guest", equalTo(true));
        as(guest).get(R0 + "/account/whoami").then().statusCode(200).body("is_guest", equalTo(true));
        as(guest).get(V3 + "/capabilities").then().statusCode(200);
        as(guest).get(V3 + "/sync?timeout=0").then().statusCode(200).body("next_batch", notNullValue());
        as(guest).get(V3 + "/joined_rooms").then().statusCode(200);
        as(guest).get(V3 + "/devices").then().statusCode(200)
                .body("devices.device_id", hasItem("guest_device"));
        as(guest).body(Map.of("device_keys", Map.of(guest.userId(), List.of()))).post(V3 + "/keys/query")
                .then().statusCode(200);
    }

    @Test
    void a_guest_is_refused_what_guests_may_not_do() {
        Matrix.Session guest = guest();
        for (var refused : List.<Runnable>of(
                () -> refused(as(guest).body(Map.of()).post(V3 + "/createRoom")),
                () -> refused(as(guest).body(Map.of("filter", Map.of())).post(V3 + "/user/" + guest.userId()
                        + "/filter")),
                () -> refused(as(guest).get(V3 + "/pushrules/")),
                () -> refused(as(guest).body(Map.of("displayname", "G")).put(V3 + "/profile/" + guest.userId()
                        + "/displayname")),
                () -> refused(as(guest).get(V3 + "/voip/turnServer")),
                () -> refused(as(guest).body(Map.of()).post(V3 + "/logout")),
                () -> refused(as(guest).body(Map.of("search_term", "a")).post(V3 + "/user_directory/search")),
                () -> refused(as(guest).get(V3 + "/account/3pid")))) {
            refused.run();
        }
    }

    private static void refused(io.restassured.response.Response response) {
        response.then().statusCode(403).body("errcode", equalTo("M_GUEST_ACCESS_FORBIDDEN"))
                .body("error", equalTo("Guest access not allowed"));
    }

    @Test
    void a_guest_joins_only_rooms_whose_guest_access_is_can_join() {
        Matrix.Session alice = Matrix.registerFresh("gjoin");
        Matrix.Session guest = guest();
        String forbidden = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(guest).body(Map.of()).post(path(forbidden) + "/join").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN")).body("error", equalTo("Guest access not allowed"));
        Rooms.putState(alice, forbidden, "m.room.guest_access", Map.of("guest_access", "forbidden"));
        as(guest).body(Map.of()).post(V3 + "/join/" + forbidden).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        String open = roomGuestsMayJoin(alice);
        as(guest).body(Map.of()).post(path(open) + "/join").then().statusCode(200).body("room_id", equalTo(open));
        as(guest).get(path(open) + "/state/m.room.member/" + guest.userId()).then().statusCode(200)
                .body("membership", equalTo("join")).body("kind", equalTo("guest"));
        String eventId = Rooms.send(guest, open, "hello from a guest");
        as(alice).get(path(open) + "/event/" + eventId).then().statusCode(200)
                .body("sender", equalTo(guest.userId()));
        as(guest).get(path(open) + "/messages?dir=b").then().statusCode(200);
        as(guest).get(path(open) + "/members").then().statusCode(200);

        Matrix.Session bob = Matrix.registerFresh("gjoinb");
        as(guest).body(Map.of("user_id", bob.userId())).post(path(open) + "/invite").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN")).body("error", equalTo("Guest access not allowed"));
        as(guest).body(Map.of()).post(path(open) + "/leave").then().statusCode(200);
    }

    @Test
    void guests_leave_a_room_that_stops_letting_guests_in() {
        Matrix.Session alice = Matrix.registerFresh("gkick");
        Matrix.Session bob = Matrix.registerFresh("gkickb");
        Matrix.Session guest = guest();
        String roomId = roomGuestsMayJoin(alice);
        as(guest).body(Map.of()).post(path(roomId) + "/join").then().statusCode(200);
        Rooms.join(bob, roomId);

        Rooms.putState(alice, roomId, "m.room.guest_access", Map.of("guest_access", "forbidden"));

        as(alice).get(path(roomId) + "/state/m.room.member/" + guest.userId()).then().statusCode(200)
                .body("membership", equalTo("leave")).body("kind", equalTo("guest"));
        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then().statusCode(200)
                .body("membership", equalTo("join"));
        as(guest).body(Map.of()).post(path(roomId) + "/join").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void private_chats_let_guests_join_as_synapse_presets_do() {
        Matrix.Session alice = Matrix.registerFresh("gpriv");
        Matrix.Session guest = guest();
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(guest.userId())));
        as(alice).get(path(roomId) + "/state/m.room.guest_access").then().statusCode(200)
                .body("guest_access", equalTo("can_join"));
        Rooms.join(guest, roomId);
    }

    @Test
    void a_guest_upgrades_to_a_full_account_with_the_same_user_id_and_rooms() {
        Matrix.Session alice = Matrix.registerFresh("gup");
        Matrix.Session guest = guest();
        String roomId = roomGuestsMayJoin(alice);
        Rooms.join(guest, roomId);

        String session = json().body(Map.of("guest_access_token", guest.accessToken(), "password", PASSWORD))
                .post(V3 + "/register").then().statusCode(401).extract().path("session");
        Matrix.Session full = Matrix.Session.from(json()
                .body(Map.of("guest_access_token", guest.accessToken(), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.dummy", "session", session)))
                .post(V3 + "/register").then().statusCode(200));

        assertThat(full.userId()).isEqualTo(guest.userId());
        assertThat(full.deviceId()).isNotEqualTo("guest_device");
        as(full).get(V3 + "/account/whoami").then().statusCode(200).body("is_guest", equalTo(false));
        as(guest).get(V3 + "/account/whoami").then().statusCode(200).body("is_guest", equalTo(false));
        as(full).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(roomId));
        as(full).body(Map.of()).post(V3 + "/createRoom").then().statusCode(200);
        Matrix.login(guest.userId(), PASSWORD);
    }

    @Test
    void an_upgrade_needs_the_guests_own_name_and_a_guests_token() {
        Matrix.Session guest = guest();
        json().body(Map.of("guest_access_token", guest.accessToken(), "username", Matrix.freshName("other"),
                        "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Matrix.Session alice = Matrix.registerFresh("gupx");
        json().body(Map.of("guest_access_token", alice.accessToken(), "password", PASSWORD,
                        "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));

        Matrix.Session full = Matrix.Session.from(json()
                .body(Map.of("guest_access_token", guest.accessToken(), "username", guest.localpart(),
                        "password", PASSWORD, "auth", Map.of("type", "m.login.dummy")))
                .post(V3 + "/register").then().statusCode(200));
        assertThat(full.userId()).isEqualTo(guest.userId());
    }
}
