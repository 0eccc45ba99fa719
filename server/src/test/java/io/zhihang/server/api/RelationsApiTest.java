package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** {@code GET /rooms/{roomId}/relations/{eventId}[/{relType}[/{eventType}]]}. */
@QuarkusTest
class RelationsApiTest {

    @Test
    void the_children_of_an_event_newest_first_filtered_by_relation_and_event_type() {
        Matrix.Session alice = Matrix.registerFresh("rel");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        String r1 = Rooms.reply(alice, roomId, root, "one");
        String ref = Rooms.reference(alice, roomId, root);
        String r2 = Rooms.reply(alice, roomId, root, "two");
        String edit = Rooms.edit(alice, roomId, root, "root!");
        Rooms.send(alice, roomId, "unrelated");

        var all = as(alice).get(v1(roomId) + "/relations/" + root).then().statusCode(200)
                .body("$", not(hasKey("next_batch")))
                .body("$", not(hasKey("prev_batch")))
                .body("$", not(hasKey("recursion_depth")))
                .body("chunk[0].room_id", equalTo(roomId))
                .extract().jsonPath();
        assertThat(all.getList("chunk.event_id", String.class)).containsExactly(edit, r2, ref, r1);

        var threads = as(alice).get(v1(roomId) + "/relations/" + root + "/m.thread?dir=f").then().statusCode(200)
                .extract().jsonPath();
        assertThat(threads.getList("chunk.event_id", String.class)).containsExactly(r1, r2);
        assertThat(threads.getList("chunk.content.body", String.class)).containsExactly("one", "two");

        as(alice).get(v1(roomId) + "/relations/" + root + "/m.reference/m.key.verification.done").then()
                .statusCode(200).body("chunk", hasSize(1)).body("chunk[0].event_id", equalTo(ref));
        as(alice).get(v1(roomId) + "/relations/" + root + "/m.reference/m.room.message").then()
                .statusCode(200).body("chunk", hasSize(0));
        as(alice).get(v1(roomId) + "/relations/" + r1).then().statusCode(200).body("chunk", hasSize(0));
    }

    @Test
    void pages_follow_next_batch_until_the_end_in_both_directions() {
        Matrix.Session alice = Matrix.registerFresh("relpage");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        List<String> replies = List.of(Rooms.reply(alice, roomId, root, "1"), Rooms.reply(alice, roomId, root, "2"),
                Rooms.reply(alice, roomId, root, "3"), Rooms.reply(alice, roomId, root, "4"),
                Rooms.reply(alice, roomId, root, "5"));

        var first = as(alice).get(v1(roomId) + "/relations/" + root + "/m.thread?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("chunk.event_id", String.class)).containsExactly(replies.get(4), replies.get(3));
        String next = first.getString("next_batch");
        assertThat(next).startsWith("s");
        var second = as(alice).get(v1(roomId) + "/relations/" + root + "/m.thread?limit=2&from=" + next)
                .then().statusCode(200).body("prev_batch", equalTo(next)).extract().jsonPath();
        assertThat(second.getList("chunk.event_id", String.class)).containsExactly(replies.get(2), replies.get(1));
        var last = as(alice).get(v1(roomId) + "/relations/" + root + "/m.thread?limit=2&from="
                + second.getString("next_batch")).then().statusCode(200)
                .body("$", not(hasKey("next_batch"))).extract().jsonPath();
        assertThat(last.getList("chunk.event_id", String.class)).containsExactly(replies.get(0));

        var forwards = as(alice).get(v1(roomId) + "/relations/" + root + "?dir=f&limit=3").then().statusCode(200)
                .extract().jsonPath();
        assertThat(forwards.getList("chunk.event_id", String.class)).containsExactlyElementsOf(replies.subList(0, 3));
        var rest = as(alice).get(v1(roomId) + "/relations/" + root + "?dir=f&limit=3&from="
                + forwards.getString("next_batch")).then().statusCode(200)
                .body("$", not(hasKey("next_batch"))).extract().jsonPath();
        assertThat(rest.getList("chunk.event_id", String.class)).containsExactlyElementsOf(replies.subList(3, 5));

        // A to token from the first page stops the walk there.
        var bounded = as(alice).get(v1(roomId) + "/relations/" + root + "?dir=f&to=" + next).then()
                .statusCode(200).extract().jsonPath();
        assertThat(bounded.getList("chunk.event_id", String.class)).containsExactlyElementsOf(replies.subList(0, 3));
    }

    @Test
    void v3_and_r0_paths_answer_the_same_and_recurse_reports_its_depth() {
        Matrix.Session alice = Matrix.registerFresh("relpath");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        String reply = Rooms.reply(alice, roomId, root, "hi");
        as(alice).get(V3 + "/rooms/" + roomId + "/relations/" + root).then().statusCode(200)
                .body("chunk[0].event_id", equalTo(reply));
        as(alice).get(R0 + "/rooms/" + roomId + "/relations/" + root + "/m.thread").then().statusCode(200)
                .body("chunk[0].event_id", equalTo(reply));
        as(alice).get(v1(roomId) + "/relations/" + root + "?recurse=true").then().statusCode(200)
                .body("recursion_depth", equalTo(1)).body("chunk", hasSize(1));
    }

    @Test
    void redacted_children_are_no_longer_related() {
        Matrix.Session alice = Matrix.registerFresh("relred");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        String kept = Rooms.reply(alice, roomId, root, "kept");
        String gone = Rooms.reply(alice, roomId, root, "gone");
        Rooms.redact(alice, roomId, gone);
        as(alice).get(v1(roomId) + "/relations/" + root).then().statusCode(200)
                .body("chunk", hasSize(1)).body("chunk[0].event_id", equalTo(kept));
    }

    @Test
    void outsiders_unknown_parents_and_bad_parameters_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("relref");
        Matrix.Session eve = Matrix.registerFresh("releve");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String root = Rooms.send(alice, roomId, "root");
        String otherRoom = Rooms.create(alice, Map.of());
        String elsewhere = Rooms.send(alice, otherRoom, "elsewhere");

        as(eve).get(v1(roomId) + "/relations/" + root).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(v1(roomId) + "/relations/$nope").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(v1(roomId) + "/relations/" + elsewhere).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(v1(roomId) + "/relations/" + root + "?dir=x").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/relations/" + root + "?limit=-1").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/relations/" + root + "?limit=many").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/relations/" + root + "?from=garbage").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/relations/" + root + "?recurse=perhaps").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().get(v1(roomId) + "/relations/" + root).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
    }
}
