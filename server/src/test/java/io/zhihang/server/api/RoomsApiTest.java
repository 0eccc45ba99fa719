package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class RoomsApiTest {

    @Test
    void a_private_room_with_an_invitee_who_joins_and_talks() {
        Matrix.Session alice = Matrix.registerFresh("ra");
        Matrix.Session bob = Matrix.registerFresh("rb");
        String roomId = Rooms.create(alice, Map.of("name", "Tea", "topic", "Earl Grey", "preset", "private_chat",
                "invite", List.of(bob.userId())));
        org.assertj.core.api.Assertions.assertThat(roomId).startsWith("!").endsWith(":localhost");

        as(bob).get(V3 + "/joined_rooms").then().body("joined_rooms", not(hasItem(roomId)));
        as(bob).get(path(roomId) + "/state").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Rooms.join(bob, roomId);
        as(bob).get(V3 + "/joined_rooms").then().body("joined_rooms", hasItem(roomId));

        Rooms.send(alice, roomId, "hello Bob");
        Rooms.send(bob, roomId, "hello Alice");
        as(bob).get(path(roomId) + "/messages?dir=b&limit=2").then().statusCode(200)
                .body("chunk", hasSize(2))
                .body("chunk[0].content.body", equalTo("hello Alice"))
                .body("chunk[1].content.body", equalTo("hello Bob"))
                .body("chunk[0].room_id", equalTo(roomId))
                .body("start", startsWith("s"))
                .body("end", notNullValue());
        as(alice).get(path(roomId) + "/state/m.room.name").then().statusCode(200).body("name", equalTo("Tea"));
        as(alice).get(path(roomId) + "/state/m.room.topic/").then().statusCode(200).body("topic", equalTo("Earl Grey"));
        as(alice).get(path(roomId) + "/joined_members").then().statusCode(200)
                .body("joined", hasKey(alice.userId()))
                .body("joined", hasKey(bob.userId()))
                .body("joined.'" + bob.userId() + "'.display_name", equalTo(bob.localpart()));
        as(alice).get(path(roomId) + "/members?not_membership=leave").then().statusCode(200)
                .body("chunk", hasSize(2));
    }

    @Test
    void the_room_state_is_made_of_signed_federation_events() {
        Matrix.Session alice = Matrix.registerFresh("rs");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        var state = as(alice).get(path(roomId) + "/state").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(state.getList("type", String.class))
                .contains("m.room.create", "m.room.member", "m.room.power_levels", "m.room.join_rules",
                        "m.room.history_visibility");
        as(alice).get(path(roomId) + "/state/m.room.create").then().statusCode(200)
                .body("room_version", equalTo("11"))
                .body("$", not(hasKey("creator")));
        as(alice).get(path(roomId) + "/state/m.room.join_rules").then().body("join_rule", equalTo("public"));
        as(alice).get(path(roomId) + "/state/m.room.power_levels").then()
                .body("users.'" + alice.userId() + "'", equalTo(100));
    }

    @Test
    void rooms_of_every_supported_version_work_including_v12_hash_room_ids() {
        Matrix.Session alice = Matrix.registerFresh("ver");
        Matrix.Session bob = Matrix.registerFresh("verb");
        for (String version : List.of("10", "11", "12")) {
            String roomId = Rooms.create(alice, Map.of("room_version", version, "preset", "private_chat",
                    "invite", List.of(bob.userId())));
            if (version.equals("12")) {
                org.assertj.core.api.Assertions.assertThat(roomId).matches("![A-Za-z0-9_-]{43}");
                as(alice).get(path(roomId) + "/state/m.room.power_levels").then()
                        .body("users", not(hasKey(alice.userId())));
            }
            as(alice).get(path(roomId) + "/state/m.room.create").then().statusCode(200)
                    .body("room_version", equalTo(version));
            Rooms.join(bob, roomId);
            Rooms.send(bob, roomId, "hello v" + version);
            as(bob).body(Map.of("name", "no power")).put(path(roomId) + "/state/m.room.name").then().statusCode(403);
            as(alice).body(Map.of("name", "v" + version)).put(path(roomId) + "/state/m.room.name").then()
                    .statusCode(200);
            as(alice).get(path(roomId) + "/messages?dir=b&limit=3").then().statusCode(200)
                    .body("chunk[1].content.body", equalTo("hello v" + version))
                    .body("chunk[1].room_id", equalTo(roomId));
        }
    }

    @Test
    void history_can_be_filtered_and_lazy_loads_the_senders_members() {
        Matrix.Session alice = Matrix.registerFresh("flt");
        Matrix.Session bob = Matrix.registerFresh("fltb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "from alice");
        Rooms.send(bob, roomId, "from bob");
        as(alice).queryParam("filter", "{\"types\":[\"m.room.message\"],\"lazy_load_members\":true}")
                .get(path(roomId) + "/messages?dir=b&limit=10").then().statusCode(200)
                .body("chunk", hasSize(2))
                .body("chunk.type", everyItem(equalTo("m.room.message")))
                .body("state.state_key", containsInAnyOrder(alice.userId(), bob.userId()));
        as(alice).queryParam("filter", "{\"senders\":[\"" + bob.userId() + "\"],\"types\":[\"m.room.message\"]}")
                .get(path(roomId) + "/messages?dir=b&limit=10").then().statusCode(200)
                .body("chunk.content.body", contains("from bob"));
        as(alice).queryParam("filter", "{\"types\":\"m.room.message\"}")
                .get(path(roomId) + "/messages").then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
    }

    @Test
    void a_retried_transaction_returns_the_same_event_and_stores_nothing_new() {
        Matrix.Session alice = Matrix.registerFresh("txn");
        String roomId = Rooms.create(alice, Map.of());
        String first = as(alice).body(Map.of("msgtype", "m.text", "body", "once"))
                .put(path(roomId) + "/send/m.room.message/retry-me").then().statusCode(200).extract().path("event_id");
        String again = as(alice).body(Map.of("msgtype", "m.text", "body", "once"))
                .put(path(roomId) + "/send/m.room.message/retry-me").then().statusCode(200).extract().path("event_id");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        as(alice).get(path(roomId) + "/messages?dir=b&limit=5").then()
                .body("chunk.findAll { it.type == 'm.room.message' }", hasSize(1));
        as(alice).get(path(roomId) + "/event/" + first).then().statusCode(200).body("content.body", equalTo("once"));
    }

    @Test
    void outsiders_cannot_send_read_or_join_invite_only_rooms() {
        Matrix.Session alice = Matrix.registerFresh("own");
        Matrix.Session eve = Matrix.registerFresh("eve");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String eventId = Rooms.send(alice, roomId, "secret");
        as(eve).body(Map.of("msgtype", "m.text", "body", "let me in"))
                .put(path(roomId) + "/send/m.room.message/x1").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(path(roomId) + "/messages").then().statusCode(403);
        // As Synapse: an event one may not see is not found, whether or not one may read the room at all.
        as(eve).get(path(roomId) + "/event/" + eventId).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).body(Map.of()).post(path(roomId) + "/join").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void members_without_power_cannot_change_room_state() {
        Matrix.Session alice = Matrix.registerFresh("pl");
        Matrix.Session bob = Matrix.registerFresh("plb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        as(bob).body(Map.of("name", "Bob's room")).put(path(roomId) + "/state/m.room.name")
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("name", "Alice's room")).put(path(roomId) + "/state/m.room.name")
                .then().statusCode(200).body("event_id", startsWith("$"));
        as(bob).body(Map.of("user_id", alice.userId())).post(path(roomId) + "/kick").then().statusCode(403);
    }

    @Test
    void kick_ban_and_unban() {
        Matrix.Session alice = Matrix.registerFresh("mod");
        Matrix.Session bob = Matrix.registerFresh("troll");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        as(alice).body(Map.of("user_id", bob.userId(), "reason", "calm down")).post(path(roomId) + "/kick")
                .then().statusCode(200);
        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then()
                .body("membership", equalTo("leave")).body("reason", equalTo("calm down"));
        Rooms.join(bob, roomId);
        as(alice).body(Map.of("user_id", bob.userId())).post(path(roomId) + "/ban").then().statusCode(200);
        as(bob).body(Map.of()).post(path(roomId) + "/join").then().statusCode(403);
        as(alice).body(Map.of("user_id", bob.userId())).post(path(roomId) + "/unban").then().statusCode(200);
        Rooms.join(bob, roomId);
    }

    @Test
    void knocking_on_a_knock_room_and_being_let_in() {
        Matrix.Session alice = Matrix.registerFresh("kn");
        Matrix.Session bob = Matrix.registerFresh("knb");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "initial_state",
                List.of(Map.of("type", "m.room.join_rules", "state_key", "", "content", Map.of("join_rule", "knock")))));
        String inviteOnly = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(bob).body(Map.of("reason", "let me in")).post(V3 + "/knock/" + inviteOnly).then().statusCode(403);
        as(bob).body(Map.of("reason", "let me in")).post(V3 + "/knock/" + roomId).then().statusCode(200)
                .body("room_id", equalTo(roomId));
        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then()
                .body("membership", equalTo("knock")).body("reason", equalTo("let me in"));
        as(bob).body(Map.of()).post(path(roomId) + "/join").then().statusCode(403);
        as(alice).body(Map.of("user_id", bob.userId())).post(path(roomId) + "/invite").then().statusCode(200);
        Rooms.join(bob, roomId);
    }

    @Test
    void leaving_a_room() {
        Matrix.Session alice = Matrix.registerFresh("lv");
        String roomId = Rooms.create(alice, Map.of());
        as(alice).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        as(alice).get(V3 + "/joined_rooms").then().body("joined_rooms", not(hasItem(roomId)));
        as(alice).body(Map.of("msgtype", "m.text", "body", "ghost")).put(path(roomId) + "/send/m.room.message/g1")
                .then().statusCode(403);
    }

    @Test
    void forgetting_a_left_room_closes_its_history_until_rejoining() {
        Matrix.Session alice = Matrix.registerFresh("fg");
        Matrix.Session bob = Matrix.registerFresh("fgb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "remember me");
        as(bob).body(Map.of()).post(path(roomId) + "/forget").then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        as(bob).get(path(roomId) + "/messages").then().statusCode(200);
        as(bob).body(Map.of()).post(path(roomId) + "/forget").then().statusCode(200).body("$", equalTo(Map.of()));
        as(bob).get(path(roomId) + "/messages").then().statusCode(403);
        Rooms.join(bob, roomId);
        as(bob).get(path(roomId) + "/messages").then().statusCode(200);
        Matrix.Session eve = Matrix.registerFresh("fge");
        as(eve).body(Map.of()).post(path(roomId) + "/forget").then().statusCode(404);
    }

    @Test
    void redacting_prunes_what_everyone_sees() {
        Matrix.Session alice = Matrix.registerFresh("red");
        Matrix.Session bob = Matrix.registerFresh("redb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String mine = Rooms.send(bob, roomId, "oops");
        String hers = Rooms.send(alice, roomId, "keep");
        as(bob).body(Map.of()).put(path(roomId) + "/redact/" + hers + "/r1").then().statusCode(403);
        String redaction = as(bob).body(Map.of("reason", "typo")).put(path(roomId) + "/redact/" + mine + "/r2")
                .then().statusCode(200).extract().path("event_id");
        as(alice).get(path(roomId) + "/event/" + mine).then().statusCode(200)
                .body("content", equalTo(Map.of()))
                .body("unsigned.redacted_because.event_id", equalTo(redaction))
                .body("unsigned.redacted_because.content.reason", equalTo("typo"));
        as(alice).body(Map.of()).put(path(roomId) + "/redact/" + mine + "/r3").then().statusCode(200);
    }

    @Test
    void public_rooms_can_be_joined_by_alias() {
        Matrix.Session alice = Matrix.registerFresh("alias");
        Matrix.Session bob = Matrix.registerFresh("aliasb");
        String name = Matrix.freshName("lobby");
        var created = as(alice).body(Map.of("preset", "public_chat", "room_alias_name", name))
                .post(V3 + "/createRoom").then().statusCode(200)
                .body("room_alias", equalTo("#" + name + ":localhost")).extract().jsonPath();
        as(bob).body(Map.of()).post(V3 + "/join/{alias}", "#" + name + ":localhost").then().statusCode(200)
                .body("room_id", equalTo(created.getString("room_id")));
        as(bob).body(Map.of("preset", "public_chat", "room_alias_name", name)).post(V3 + "/createRoom")
                .then().statusCode(400).body("errcode", equalTo("M_ROOM_IN_USE"));
        as(bob).body(Map.of()).post(V3 + "/join/{alias}", "#nowhere:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void bad_input_is_refused_with_the_right_errors() {
        Matrix.Session alice = Matrix.registerFresh("bad");
        String roomId = Rooms.create(alice, Map.of());
        as(alice).body(Map.of("room_version", "999")).post(V3 + "/createRoom").then().statusCode(400)
                .body("errcode", equalTo("M_UNSUPPORTED_ROOM_VERSION"));
        as(alice).body(Map.of("preset", "party")).post(V3 + "/createRoom").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("invite", List.of("not-a-user"))).post(V3 + "/createRoom").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("{\"msgtype\":\"m.text\",\"body\":\"pi\",\"value\":3.14}")
                .put(path(roomId) + "/send/m.room.message/f1").then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("msgtype", "m.text", "body", "x".repeat(70_000)))
                .put(path(roomId) + "/send/m.room.message/big").then().statusCode(413).body("errcode", equalTo("M_TOO_LARGE"));
        as(alice).body(Map.of()).post(V3 + "/join/not-a-room").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of()).post(V3 + "/join/!nowhere:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(path(roomId) + "/event/$nope").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("user_id", "@nobody-here:localhost")).post(path(roomId) + "/invite").then()
                .statusCode(404);
        as(alice).get(path(roomId) + "/messages?dir=x").then().statusCode(400);
        as(alice).get(path(roomId) + "/messages?from=garbage").then().statusCode(400);
    }

    @Test
    void a_member_who_left_reads_the_state_and_members_as_they_were_at_the_leave() {
        Matrix.Session alice = Matrix.registerFresh("stay");
        Matrix.Session bob = Matrix.registerFresh("gone");
        Matrix.Session carol = Matrix.registerFresh("later");
        Matrix.Session eve = Matrix.registerFresh("never");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "topic", "before"));
        as(bob).body(Map.of()).post(path(roomId) + "/join").then().statusCode(200);
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        as(alice).body(Map.of("topic", "after")).put(path(roomId) + "/state/m.room.topic").then().statusCode(200);
        as(carol).body(Map.of()).post(path(roomId) + "/join").then().statusCode(200);

        as(bob).get(path(roomId) + "/state/m.room.topic").then().statusCode(200).body("topic", equalTo("before"));
        java.util.List<Map<String, Object>> state = as(bob).get(path(roomId) + "/state").then().statusCode(200)
                .extract().path("$");
        org.assertj.core.api.Assertions.assertThat(state)
                .anySatisfy(e -> org.assertj.core.api.Assertions.assertThat(e)
                        .containsEntry("type", "m.room.member").containsEntry("state_key", bob.userId())
                        .extractingByKey("content").asString().contains("leave"))
                .noneSatisfy(e -> org.assertj.core.api.Assertions.assertThat(e)
                        .containsEntry("state_key", carol.userId()));
        java.util.List<String> members = as(bob).get(path(roomId) + "/members").then().statusCode(200)
                .extract().path("chunk.state_key");
        org.assertj.core.api.Assertions.assertThat(members).contains(alice.userId(), bob.userId())
                .doesNotContain(carol.userId());
        as(carol).get(path(roomId) + "/state/m.room.topic").then().statusCode(200).body("topic", equalTo("after"));
        as(eve).get(path(roomId) + "/state").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(path(roomId) + "/members").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }
}
