package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Synapse's server notices admin API: {@code POST /v1/send_server_notice} and {@code PUT …/{txnId}}. */
@QuarkusTest
class ServerNoticesApiTest {
    static final String NOTICE = "/_synapse/admin/v1/send_server_notice";
    static final String SYSTEM_USER = "@server:localhost";

    @Inject
    TableRows tables;

    @Test
    void a_notice_reaches_the_user_in_a_tagged_room_they_cannot_write_in_nor_leave() {
        Matrix.Session admin = Matrix.registerAdmin("noticeadmin");
        Matrix.Session alice = Matrix.registerFresh("noticealice");

        String first = notice(admin, alice, "Maintenance tonight");
        String roomId = invitedRoom(alice);
        assertThat(stateOf(Syncs.at(Syncs.initial(alice), "rooms", "invite", roomId), "m.room.name"))
                .containsEntry("name", "Server Notices");
        as(alice).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("You cannot leave the server notices room"));

        Rooms.join(alice, roomId);
        String second = notice(admin, alice, "Maintenance done");
        Map<String, Object> sync = Syncs.initial(alice);
        List<Map<String, Object>> timeline = Syncs.timeline(sync, roomId);
        assertThat(Syncs.bodies(timeline)).containsSubsequence("Maintenance tonight", "Maintenance done");
        assertThat(timeline).filteredOn(e -> List.of(first, second).contains(e.get("event_id")))
                .extracting(e -> e.get("sender")).containsOnly(SYSTEM_USER);
        assertThat(tagsOf(sync, roomId)).containsKey("m.server_notice");
        assertThat(Syncs.at(sync, "rooms", "invite")).doesNotContainKey(roomId);

        as(alice).body(Map.of("msgtype", "m.text", "body", "reply"))
                .put(Rooms.path(roomId) + "/send/m.room.message/notice-reply").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of()).post(Rooms.path(roomId) + "/leave").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(roomId));
        assertThat(tables.where("server_notice_rooms", "user_id", alice.userId()))
                .singleElement().asString().contains(roomId);
        assertThat(tables.where("security_events", "user_id", admin.userId()))
                .filteredOn(row -> row.contains("send_server_notice") && row.contains(alice.userId())).hasSize(2);
    }

    @Test
    void the_system_user_has_a_profile_but_no_password() {
        Matrix.Session admin = Matrix.registerAdmin("noticeprofile");
        Matrix.Session alice = Matrix.registerFresh("noticeprofilealice");
        notice(admin, alice, "hello");
        as(alice).get(V3 + "/profile/" + SYSTEM_USER).then().statusCode(200)
                .body("displayname", equalTo("Server Notices"));
        as(admin).body(Map.of("user_id", SYSTEM_USER, "content", Map.of("body", "x"))).post(NOTICE).then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        json().body(Map.of("type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", "server"),
                "password", "")).post(V3 + "/login").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void a_retried_transaction_sends_one_notice() {
        Matrix.Session admin = Matrix.registerAdmin("noticetxn");
        Matrix.Session alice = Matrix.registerFresh("noticetxnalice");
        Map<String, Object> body = body(alice, "once");
        String id = as(admin).body(body).put(NOTICE + "/t1").then().statusCode(200).extract().path("event_id");
        as(admin).body(body).put(NOTICE + "/t1").then().statusCode(200).body("event_id", equalTo(id));
        as(admin).body(body).put(NOTICE + "/t2").then().statusCode(200).body("event_id", not(equalTo(id)));

        String roomId = invitedRoom(alice);
        Rooms.join(alice, roomId);
        assertThat(Syncs.bodies(Syncs.timeline(Syncs.initial(alice), roomId))).containsExactly("once", "once");
    }

    @Test
    void a_notice_may_be_a_state_event_of_another_type() {
        Matrix.Session admin = Matrix.registerAdmin("noticestate");
        Matrix.Session alice = Matrix.registerFresh("noticestatealice");
        as(admin).body(Map.of("user_id", alice.userId(), "type", "m.room.topic", "state_key", "",
                "content", Map.of("topic", "Read me"))).post(NOTICE).then().statusCode(200);
        String roomId = invitedRoom(alice);
        Rooms.join(alice, roomId);
        as(alice).get(Rooms.path(roomId) + "/state/m.room.topic").then().statusCode(200)
                .body("topic", equalTo("Read me"));
    }

    @Test
    void a_user_taken_out_of_the_room_by_the_server_gets_a_new_room() {
        Matrix.Session admin = Matrix.registerAdmin("noticenew");
        Matrix.Session alice = Matrix.registerFresh("noticenewalice");
        notice(admin, alice, "first");
        String roomId = invitedRoom(alice);
        Rooms.join(alice, roomId);
        as(admin).body(Map.of()).delete("/_synapse/admin/v1/rooms/" + roomId).then().statusCode(200)
                .body("kicked_users", hasItem(alice.userId()));

        notice(admin, alice, "second");
        String newRoom = invitedRoom(alice);
        assertThat(newRoom).isNotEqualTo(roomId);
        Rooms.join(alice, newRoom);
        assertThat(Syncs.bodies(Syncs.timeline(Syncs.initial(alice), newRoom))).containsExactly("second");
    }

    @Test
    void only_admins_send_and_only_to_active_local_users() {
        Matrix.Session admin = Matrix.registerAdmin("noticerefuse");
        Matrix.Session alice = Matrix.registerFresh("noticerefusealice");
        Matrix.Session bob = Matrix.registerFresh("noticerefusebob");

        as(alice).body(body(bob, "hi")).post(NOTICE).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(body(bob, "hi")).put(NOTICE + "/x").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        json().body(body(bob, "hi")).post(NOTICE).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));

        as(admin).body(Map.of("user_id", bob.userId())).post(NOTICE).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(admin).body(Map.of("content", Map.of("body", "x"))).post(NOTICE).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(admin).body(Map.of("user_id", "bob", "content", Map.of("body", "x"))).post(NOTICE).then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).body(Map.of("user_id", "@bob:elsewhere.example", "content", Map.of("body", "x"))).post(NOTICE)
                .then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Server notices can only be sent to local users"));
        as(admin).body(Map.of("user_id", "@" + Matrix.freshName("ghost") + ":localhost", "content",
                Map.of("body", "x"))).post(NOTICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));

        as(bob).body(Map.of("auth", Matrix.passwordAuth(bob, PASSWORD, null))).post(V3 + "/account/deactivate")
                .then().statusCode(200);
        as(admin).body(body(bob, "gone")).post(NOTICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(tables.where("server_notice_rooms", "user_id", bob.userId())).isEmpty();
    }

    static Map<String, Object> body(Matrix.Session to, String text) {
        return Map.of("user_id", to.userId(), "content", Map.of("msgtype", "m.text", "body", text));
    }

    static String notice(Matrix.Session admin, Matrix.Session to, String text) {
        return as(admin).body(body(to, text)).post(NOTICE).then().log().ifValidationFails().statusCode(200)
                .body("event_id", startsWith("$")).extract().path("event_id");
    }

    /** The one room the user is invited to (their server-notices room). */
    static String invitedRoom(Matrix.Session user) {
        Map<String, Object> invites = Syncs.at(Syncs.initial(user), "rooms", "invite");
        assertThat(invites).hasSize(1);
        return invites.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stateOf(Map<String, Object> invitedRoom, String type) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) Syncs.at(invitedRoom, "invite_state")
                .get("events");
        return events.stream().filter(e -> type.equals(e.get("type"))).map(e -> (Map<String, Object>) e.get("content"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tagsOf(Map<String, Object> sync, String roomId) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) Syncs.at(sync, "rooms", "join", roomId,
                "account_data").get("events");
        return events.stream().filter(e -> "m.tag".equals(e.get("type")))
                .map(e -> (Map<String, Object>) ((Map<String, Object>) e.get("content")).get("tags"))
                .findFirst().orElse(Map.of());
    }
}
