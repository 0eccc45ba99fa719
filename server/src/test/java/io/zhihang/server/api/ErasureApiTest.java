package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Syncs.at;
import static io.zhihang.server.api.Syncs.timeline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /account/deactivate} with {@code erase: true}: the user's messages are pruned for those who were not in
 * the room when they were sent; those who were keep them (Synapse, and sytest's "Only original members of the room can
 * see messages from erased users").
 */
@QuarkusTest
class ErasureApiTest {

    private static void deactivate(Matrix.Session user, String password, boolean erase) {
        String session = as(user).body(Map.of()).post(V3 + "/account/deactivate").then().statusCode(401)
                .extract().path("session");
        as(user).body(Map.of("auth", Matrix.passwordAuth(user, password, session), "erase", erase))
                .post(V3 + "/account/deactivate").then().statusCode(200);
    }

    private static Map<String, Object> event(List<Map<String, Object>> events, String eventId) {
        return events.stream().filter(e -> eventId.equals(e.get("event_id"))).findFirst().orElseThrow();
    }

    @Test
    void only_those_in_the_room_when_an_erased_user_spoke_still_see_what_they_said() {
        Matrix.Session creator = Matrix.registerFresh("erc");
        Matrix.Session member = Matrix.registerFresh("erm");
        Matrix.Session joiner = Matrix.registerFresh("erj");
        String roomId = Rooms.create(creator, Map.of("preset", "public_chat"));
        Rooms.join(member, roomId);
        String message = Rooms.send(creator, roomId, "body1");
        Rooms.join(joiner, roomId);
        assertThat(at(event(timeline(Syncs.initial(joiner), roomId), message), "content").get("body"))
                .isEqualTo("body1");

        deactivate(creator, Matrix.PASSWORD, true);

        assertThat(at(event(timeline(Syncs.initial(member), roomId), message), "content").get("body"))
                .isEqualTo("body1");
        Map<String, Object> pruned = event(timeline(Syncs.initial(joiner), roomId), message);
        assertThat(pruned.get("type")).isEqualTo("m.room.message");
        assertThat(at(pruned, "content")).isEmpty();
        List<Map<String, Object>> page = as(joiner).get(Rooms.path(roomId) + "/messages?dir=b&limit=20")
                .then().statusCode(200).extract().path("chunk");
        assertThat(at(event(page, message), "content")).isEmpty();
        assertThat(at(as(member).get(Rooms.path(roomId) + "/event/" + message).then().statusCode(200)
                .extract().as(Syncs.MAP), "content").get("body")).isEqualTo("body1");
    }

    @Test
    void without_erase_a_deactivated_users_messages_stay() {
        Matrix.Session creator = Matrix.registerFresh("enc");
        Matrix.Session joiner = Matrix.registerFresh("enj");
        String roomId = Rooms.create(creator, Map.of("preset", "public_chat"));
        String message = Rooms.send(creator, roomId, "kept");
        Rooms.join(joiner, roomId);

        deactivate(creator, Matrix.PASSWORD, false);

        assertThat(at(event(timeline(Syncs.initial(joiner), roomId), message), "content").get("body"))
                .isEqualTo("kept");
    }
}
