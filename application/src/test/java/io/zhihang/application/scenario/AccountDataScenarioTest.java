package io.zhihang.application.scenario;

import io.zhihang.application.port.in.userdata.AccountDataDelta;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice keeps settings as global and room account data and tags her rooms; sync asks what changed since its last
 * position. Nobody else may read or write her data.
 */
class AccountDataScenarioTest {
    private final UserDataTestHomeserver hs = new UserDataTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();

    @Test
    void account_data_round_trip_and_what_sync_sees_change() {
        String roomId = hs.rooms.createRoom(alice, "private_chat");
        assertThat(hs.sync.accountDataPosition()).isZero();

        hs.accountData.put(alice, aliceId, null, "im.example.theme", json("{\"dark\":true}"));
        hs.accountData.put(alice, aliceId, roomId, "im.example.draft", json("{\"text\":\"hello\"}"));
        long first = hs.sync.accountDataPosition();

        assertThat(hs.accountData.get(alice, aliceId, null, "im.example.theme")).isEqualTo(json("{\"dark\":true}"));
        assertThat(hs.accountData.get(alice, aliceId, roomId, "im.example.draft")).isEqualTo(json("{\"text\":\"hello\"}"));
        // Global and room account data of the same type are separate.
        assertThat(refusal(() -> hs.accountData.get(alice, aliceId, roomId, "im.example.theme")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(hs.syncActivity.drain()).containsExactly(SyncActivity.ofUser(aliceId), SyncActivity.ofUser(aliceId));

        AccountDataDelta initial = hs.sync.accountDataSince(aliceId, 0);
        assertThat(initial.global()).containsExactly(Map.entry("im.example.theme", json("{\"dark\":true}")));
        assertThat(initial.rooms()).containsExactly(
                Map.entry(roomId, Map.of("im.example.draft", json("{\"text\":\"hello\"}"))));
        assertThat(hs.sync.accountDataSince(aliceId, first).isEmpty()).isTrue();
        assertThat(hs.sync.accountDataSince(bobId, 0).isEmpty()).isTrue();

        // A change is seen once, with the latest content only.
        hs.accountData.put(alice, aliceId, null, "im.example.theme", json("{\"dark\":false}"));
        hs.accountData.put(alice, aliceId, null, "im.example.theme", json("{\"dark\":false,\"hue\":0.75}"));
        assertThat(hs.sync.accountDataPosition()).isGreaterThan(first);
        AccountDataDelta later = hs.sync.accountDataSince(aliceId, first);
        assertThat(later.global()).containsExactly(
                Map.entry("im.example.theme", json("{\"dark\":false,\"hue\":0.75}")));
        assertThat(later.rooms()).isEmpty();
    }

    @Test
    void a_deleted_entry_is_gone_for_reads_and_shows_as_empty_content_to_a_sync_that_had_it() {
        hs.accountData.put(alice, aliceId, null, "im.example.old", json("{\"a\":1}"));
        long before = hs.sync.accountDataPosition();

        hs.accountData.delete(alice, aliceId, null, "im.example.old");

        assertThat(refusal(() -> hs.accountData.get(alice, aliceId, null, "im.example.old")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(hs.sync.accountDataSince(aliceId, before).global())
                .containsExactly(Map.entry("im.example.old", JsonObject.EMPTY));
        assertThat(hs.sync.accountDataSince(aliceId, 0).global()).isEmpty();
        // Deleting again, or what never existed, writes nothing.
        long after = hs.sync.accountDataPosition();
        hs.accountData.delete(alice, aliceId, null, "im.example.old");
        hs.accountData.delete(alice, aliceId, null, "im.example.never");
        assertThat(hs.sync.accountDataPosition()).isEqualTo(after);
    }

    @Test
    void nobody_reads_or_writes_another_users_account_data() {
        hs.accountData.put(alice, aliceId, null, "im.example.secret", json("{\"x\":1}"));

        assertThat(refusal(() -> hs.accountData.get(bob, aliceId, null, "im.example.secret")).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> hs.accountData.put(bob, aliceId, null, "im.example.secret", JsonObject.EMPTY))
                .kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> hs.accountData.delete(bob, aliceId, null, "im.example.secret")).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> hs.accountData.tags(bob, aliceId, "!room:example.org")).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(hs.accountData.get(alice, aliceId, null, "im.example.secret")).isEqualTo(json("{\"x\":1}"));
    }

    @Test
    void the_server_controlled_types_and_bad_room_ids_are_refused() {
        assertThat(refusal(() -> hs.accountData.put(alice, aliceId, "!r:example.org", "m.fully_read",
                json("{\"event_id\":\"$e\"}"))).kind()).isEqualTo(ErrorKind.SERVER_CONTROLLED);
        assertThat(refusal(() -> hs.accountData.put(alice, aliceId, null, "m.push_rules", JsonObject.EMPTY)).kind())
                .isEqualTo(ErrorKind.SERVER_CONTROLLED);
        assertThat(refusal(() -> hs.accountData.delete(alice, aliceId, null, "m.push_rules")).kind())
                .isEqualTo(ErrorKind.SERVER_CONTROLLED);
        assertThat(refusal(() -> hs.accountData.put(alice, aliceId, "not-a-room", "im.example", JsonObject.EMPTY))
                .kind()).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.accountData.get(alice, aliceId, "not-a-room", "im.example")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.accountData.get(alice, aliceId, null, "im.example.unset")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(hs.sync.accountDataPosition()).isZero();
        assertThat(hs.syncActivity.fired()).isEmpty();
    }

    @Test
    void tags_are_the_rooms_m_tag_account_data_with_float_orders() {
        String roomId = hs.rooms.createRoom(alice, "private_chat");
        long before = hs.sync.accountDataPosition();

        hs.accountData.putTag(alice, aliceId, roomId, "u.work", json("{\"order\":0.5}"));
        hs.accountData.putTag(alice, aliceId, roomId, "m.favourite", JsonObject.EMPTY);

        JsonObject tags = hs.accountData.tags(alice, aliceId, roomId);
        assertThat(tags).isEqualTo(Json.parseClientData("{\"u.work\":{\"order\":0.5},\"m.favourite\":{}}"));
        assertThat(hs.accountData.get(alice, aliceId, roomId, "m.tag"))
                .isEqualTo(JsonObject.builder().put("tags", tags).build());
        assertThat(hs.sync.accountDataSince(aliceId, before).rooms().get(roomId))
                .containsExactly(Map.entry("m.tag", JsonObject.builder().put("tags", tags).build()));

        hs.accountData.deleteTag(alice, aliceId, roomId, "u.work");
        hs.accountData.deleteTag(alice, aliceId, roomId, "u.never-set");
        assertThat(hs.accountData.tags(alice, aliceId, roomId)).isEqualTo(json("{\"m.favourite\":{}}"));
        assertThat(hs.syncActivity.drain()).hasSize(3).containsOnly(SyncActivity.ofUser(aliceId));
    }

    @Test
    void tags_need_some_membership_a_short_name_and_a_numeric_order() {
        String roomId = hs.rooms.createRoom(alice, "private_chat");

        assertThat(hs.accountData.tags(alice, aliceId, roomId)).isEqualTo(JsonObject.EMPTY);
        assertThat(refusal(() -> hs.accountData.putTag(bob, bobId, roomId, "u.spy", JsonObject.EMPTY)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> hs.accountData.putTag(alice, aliceId, roomId, "x".repeat(256), JsonObject.EMPTY))
                .kind()).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.accountData.putTag(alice, aliceId, roomId, "u.work", json("{\"order\":\"1\"}")))
                .kind()).isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal(() -> hs.accountData.putTag(alice, aliceId, "bad", "u.work", JsonObject.EMPTY)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);

        // An invitee may tag the room already.
        hs.rooms.membership.invite(alice, roomId, bobId, null);
        hs.accountData.putTag(bob, bobId, roomId, "u.later", json("{\"order\":1}"));
        assertThat(hs.accountData.tags(bob, bobId, roomId)).isEqualTo(json("{\"u.later\":{\"order\":1}}"));
    }

    private static JsonObject json(String text) {
        return Json.parseClientData(text);
    }
}
