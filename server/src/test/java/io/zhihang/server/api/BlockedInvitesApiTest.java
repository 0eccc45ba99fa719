package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.DirectChatsApiTest.createDm;
import static io.zhihang.server.api.DirectChatsApiTest.openDm;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A block is an entry of the blocker's {@code m.ignored_user_list} (ADR 0009): the blocked user's invites to the
 * blocker are refused, whichever way they are sent, and no direct chat opens across it in either direction.
 */
@QuarkusTest
class BlockedInvitesApiTest {

    private static List<String> joinedRooms(Matrix.Session user) {
        return as(user).get(V3 + "/joined_rooms").then().statusCode(200).extract().path("joined_rooms");
    }

    @Test
    void an_invite_from_an_ignored_user_is_refused_on_every_path() {
        var bob = Matrix.registerFresh("blk-b");
        var mallory = Matrix.registerFresh("blk-m");
        var carol = Matrix.registerFresh("blk-c");
        Friends.ignore(bob, mallory.userId());
        String mallorys = Rooms.create(mallory, Map.of("preset", "private_chat"));

        as(mallory).body(Map.of("user_id", bob.userId())).post(path(mallorys) + "/invite").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(mallory).body(Map.of("membership", "invite")).put(path(mallorys) + "/state/m.room.member/" + bob.userId())
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        List<String> before = joinedRooms(mallory);
        as(mallory).body(Map.of("invite", List.of(bob.userId()))).post(V3 + "/createRoom").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(joinedRooms(mallory)).as("the refused room was not made").isEqualTo(before);
        Map<String, Object> invites = Syncs.at(Syncs.initial(bob), "rooms", "invite");
        assertThat(invites == null ? Map.of() : invites).isEmpty();

        as(carol).body(Map.of("invite", List.of(bob.userId()))).post(V3 + "/createRoom").then().statusCode(200);
        String bobs = Rooms.create(bob, Map.of("preset", "private_chat"));
        // the blocker may still invite
        as(bob).body(Map.of("user_id", mallory.userId())).post(path(bobs) + "/invite").then().statusCode(200);
    }

    @Test
    void no_direct_chat_opens_across_a_block_either_way() {
        var bob = Matrix.registerFresh("blk-dm-b");
        var mallory = Matrix.registerFresh("blk-dm-m");
        Friends.ignore(bob, mallory.userId());

        createDm(mallory, Map.of("user_id", bob.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("You cannot open a direct chat with this user"));
        createDm(bob, Map.of("user_id", mallory.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("You cannot open a direct chat with this user"));
        as(mallory).body(Map.of("content", "hi", "user_id", bob.userId())).post("/api/messages/send").then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(joinedRooms(mallory)).isEmpty();
        assertThat(joinedRooms(bob)).isEmpty();
    }

    @Test
    void a_block_after_the_chat_exists_stops_it_being_opened_again() {
        var alice = Matrix.registerFresh("blk-late-a");
        var bob = Matrix.registerFresh("blk-late-b");
        String roomId = openDm(alice, bob);
        assertThat(openDm(bob, alice)).isEqualTo(roomId);

        Friends.ignore(bob, alice.userId());

        createDm(alice, Map.of("user_id", bob.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        createDm(bob, Map.of("user_id", alice.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Friends.ignore(bob);
        assertThat(openDm(alice, bob)).as("unblocked: the same room again").isEqualTo(roomId);
    }
}
