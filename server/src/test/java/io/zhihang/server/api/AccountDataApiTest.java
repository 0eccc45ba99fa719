package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Account data (global and per room) and room tags over HTTP. */
@QuarkusTest
class AccountDataApiTest {
    private static final String MSC3391 = "/_matrix/client/unstable/org.matrix.msc3391";

    @Inject
    UserDataSyncQueries sync;

    private static String global(Matrix.Session user, String type) {
        return V3 + "/user/" + user.userId() + "/account_data/" + type;
    }

    private static String room(Matrix.Session user, String roomId, String type) {
        return V3 + "/user/" + user.userId() + "/rooms/" + roomId + "/account_data/" + type;
    }

    private static String tags(Matrix.Session user, String roomId) {
        return V3 + "/user/" + user.userId() + "/rooms/" + roomId + "/tags";
    }

    @Test
    void global_account_data_round_trip_with_any_json_object() {
        Matrix.Session alice = Matrix.registerFresh("ad");
        long before = sync.accountDataPosition();
        as(alice).get(global(alice, "m.secret_storage.default_key")).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));

        as(alice).body("{\"key\":\"abc\",\"nested\":{\"list\":[1,2.5,null,true]},\"big\":12345678901234567890}")
                .put(global(alice, "m.secret_storage.default_key")).then().statusCode(200).body("$", anEmptyMap());

        as(alice).get(global(alice, "m.secret_storage.default_key")).then().statusCode(200)
                .body("key", equalTo("abc"))
                .body("nested.list[1]", equalTo(2.5f))
                .body("nested.list", org.hamcrest.Matchers.hasSize(4));
        // The r0 prefix reaches the same data; the global entry is not room data.
        as(alice).get(Matrix.R0 + "/user/" + alice.userId() + "/account_data/m.secret_storage.default_key").then()
                .statusCode(200).body("key", equalTo("abc"));
        assertThat(sync.accountDataPosition()).isGreaterThan(before);
        assertThat(sync.accountDataSince(alice.userId(), before).global()).containsOnlyKeys("m.secret_storage.default_key");
    }

    @Test
    void room_account_data_is_separate_from_global_and_validates_the_room_id() {
        Matrix.Session alice = Matrix.registerFresh("adr");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));

        as(alice).body(Map.of("draft", "hi")).put(room(alice, roomId, "im.example.draft")).then().statusCode(200);

        as(alice).get(room(alice, roomId, "im.example.draft")).then().statusCode(200).body("draft", equalTo("hi"));
        as(alice).get(global(alice, "im.example.draft")).then().statusCode(404);
        as(alice).body(Map.of()).put(room(alice, "not-a-room-id", "im.example.draft")).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(room(alice, "not-a-room-id", "im.example.draft")).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(room(alice, roomId, "im.example.unset")).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void nobody_reads_or_writes_another_users_account_data() {
        Matrix.Session alice = Matrix.registerFresh("ado");
        Matrix.Session bob = Matrix.registerFresh("adb");
        Matrix.Session admin = Matrix.registerAdmin("ada");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("secret", 1)).put(global(alice, "im.example.secret")).then().statusCode(200);

        for (Matrix.Session other : List.of(bob, admin)) {
            as(other).get(global(alice, "im.example.secret")).then().statusCode(403)
                    .body("errcode", equalTo("M_FORBIDDEN"));
            as(other).body(Map.of()).put(global(alice, "im.example.secret")).then().statusCode(403)
                    .body("errcode", equalTo("M_FORBIDDEN"));
            as(other).get(room(alice, roomId, "im.example.secret")).then().statusCode(403);
            as(other).body(Map.of()).put(room(alice, roomId, "im.example.secret")).then().statusCode(403);
            as(other).delete(MSC3391 + "/user/" + alice.userId() + "/account_data/im.example.secret").then()
                    .statusCode(403);
            as(other).get(tags(alice, roomId)).then().statusCode(403);
            as(other).body(Map.of()).put(tags(alice, roomId) + "/u.x").then().statusCode(403);
        }
        Matrix.json().get(global(alice, "im.example.secret")).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).get(global(alice, "im.example.secret")).then().statusCode(200).body("secret", equalTo(1));
    }

    @Test
    void bodies_must_be_json_objects_and_server_controlled_types_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("adj");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));

        as(alice).body("[1,2]").put(global(alice, "im.example")).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("not json").put(global(alice, "im.example")).then().statusCode(400)
                .body("errcode", equalTo("M_NOT_JSON"));
        as(alice).put(global(alice, "im.example")).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body("{\"a\":1,\"a\":2}").put(global(alice, "im.example")).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));

        as(alice).body(Map.of("event_id", "$x")).put(room(alice, roomId, "m.fully_read")).then().statusCode(405)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of()).put(global(alice, "m.push_rules")).then().statusCode(405)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).delete(MSC3391 + "/user/" + alice.userId() + "/account_data/m.push_rules").then().statusCode(405);
        as(alice).body(Map.of()).put(global(alice, "x".repeat(256))).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void deleted_account_data_is_not_found_and_sync_sees_empty_content() {
        Matrix.Session alice = Matrix.registerFresh("add");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("a", 1)).put(global(alice, "im.example.gone")).then().statusCode(200);
        as(alice).body(Map.of("b", 2)).put(room(alice, roomId, "im.example.gone")).then().statusCode(200);
        long before = sync.accountDataPosition();

        as(alice).delete(MSC3391 + "/user/" + alice.userId() + "/account_data/im.example.gone").then().statusCode(200);
        as(alice).delete(MSC3391 + "/user/" + alice.userId() + "/rooms/" + roomId + "/account_data/im.example.gone")
                .then().statusCode(200);

        as(alice).get(global(alice, "im.example.gone")).then().statusCode(404);
        as(alice).get(room(alice, roomId, "im.example.gone")).then().statusCode(404);
        var delta = sync.accountDataSince(alice.userId(), before);
        assertThat(delta.global().get("im.example.gone").members()).isEmpty();
        assertThat(delta.rooms().get(roomId).get("im.example.gone").members()).isEmpty();
        assertThat(sync.accountDataSince(alice.userId(), 0).global()).doesNotContainKey("im.example.gone");
        // A put brings it back.
        as(alice).body(Map.of("a", 3)).put(global(alice, "im.example.gone")).then().statusCode(200);
        as(alice).get(global(alice, "im.example.gone")).then().statusCode(200).body("a", equalTo(3));
    }

    @Test
    void tags_round_trip_with_float_orders_as_room_account_data() {
        Matrix.Session alice = Matrix.registerFresh("tag");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).get(tags(alice, roomId)).then().statusCode(200).body("tags", anEmptyMap());

        as(alice).body("{\"order\":0.25}").put(tags(alice, roomId) + "/u.work").then().statusCode(200)
                .body("$", anEmptyMap());
        as(alice).body("{}").put(tags(alice, roomId) + "/m.favourite").then().statusCode(200);
        as(alice).body("{\"order\":0.75}").put(tags(alice, roomId) + "/u.work").then().statusCode(200);

        as(alice).get(tags(alice, roomId)).then().statusCode(200)
                .body("tags", aMapWithSize(2))
                .body("tags.'u.work'.order", equalTo(0.75f))
                .body("tags.'m.favourite'", anEmptyMap());
        as(alice).get(room(alice, roomId, "m.tag")).then().statusCode(200)
                .body("tags.'u.work'.order", equalTo(0.75f));

        as(alice).delete(tags(alice, roomId) + "/u.work").then().statusCode(200).body("$", anEmptyMap());
        as(alice).delete(tags(alice, roomId) + "/u.never").then().statusCode(200);
        as(alice).get(tags(alice, roomId)).then().statusCode(200)
                .body("tags", not(hasKey("u.work")))
                .body("tags", hasKey("m.favourite"));
        assertThat(sync.accountDataSince(alice.userId(), 0).rooms().get(roomId)).containsOnlyKeys("m.tag");
    }

    @Test
    void tags_are_refused_without_membership_for_long_names_and_non_numeric_orders() {
        Matrix.Session alice = Matrix.registerFresh("tgr");
        Matrix.Session bob = Matrix.registerFresh("tgb");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));

        as(bob).body("{}").put(tags(bob, roomId) + "/u.spy").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body("{}").put(tags(alice, roomId) + "/" + "t".repeat(256)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("{\"order\":\"first\"}").put(tags(alice, roomId) + "/u.work").then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("{}").put(tags(alice, "nonsense") + "/u.work").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(tags(alice, roomId)).then().statusCode(200).body("tags", anEmptyMap());
    }
}
