package io.zhihang.application.scenario;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.EventHashing;
import io.zhihang.domain.protocol.EventSigning;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.room.AuthState;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the server stores is a full PDU that another server would accept: linked to the previous head, citing
 * the right auth events, hashed, signed with the server key, and named by its reference hash.
 */
class RoomEventFormatScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");

    @ParameterizedTest(name = "room version {0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"})
    void every_stored_event_is_a_hashed_signed_pdu_on_a_single_chain(String versionId) {
        RoomVersion version = RoomVersion.byId(versionId).orElseThrow();
        String roomId = aBusyRoom(versionId);

        List<StoredEvent> stored = hs.events.all(roomId);
        assertThat(stored).hasSizeGreaterThan(10);
        Map<StateKey, String> stateBefore = new HashMap<>();
        String previous = null;
        for (StoredEvent event : stored) {
            Pdu pdu = event.pdu();
            JsonObject json = pdu.json();
            assertThat(EventHashing.hasValidContentHash(json)).as("content hash of %s", pdu.type()).isTrue();
            assertThat(EventSigning.verify(json, version, "example.org", hs.signingKey.signingKey().keyId(),
                    hs.signingKey.publicKey())).as("signature of %s", pdu.type()).isTrue();
            if (version.eventIdFormat() == RoomVersion.EventIdFormat.V1_SERVER_GENERATED) {
                assertThat(pdu.eventId()).matches("\\$event[0-9]+:example\\.org");
                assertThat(json.string("event_id")).contains(pdu.eventId());
                assertCitedWithReferenceHashes(json, version);
            } else {
                assertThat(pdu.eventId()).isEqualTo(EventHashing.eventId(json, version));
                assertThat(json.has("event_id")).isFalse();
                assertThat(json.array("prev_events").orElseThrow().items())
                        .allSatisfy(id -> assertThat(id).isInstanceOf(JsonString.class));
            }
            assertThat(hs.events.canonicalJson(pdu.eventId())).contains(CanonicalJson.encode(json));
            assertThat(pdu.roomId()).isEqualTo(roomId);
            assertThat(json.string("origin")).contains("example.org");
            assertThat(pdu.originServerTs()).isEqualTo(hs.server.clock.millis());

            assertThat(pdu.prevEvents()).as("prev_events of %s", pdu.type())
                    .isEqualTo(previous == null ? List.of() : List.of(previous));
            assertThat(pdu.depth()).isEqualTo(stored.indexOf(event) + 1L);
            assertThat(pdu.authEvents()).as("auth_events of %s", pdu.type())
                    .containsExactlyInAnyOrderElementsOf(AuthState.authTypesFor(pdu, version).stream()
                            .map(stateBefore::get).filter(Objects::nonNull).toList());

            if (pdu.isState()) {
                stateBefore.put(StateKey.of(pdu), pdu.eventId());
            }
            previous = pdu.eventId();
        }
        RoomRecord room = hs.rooms.find(roomId).orElseThrow();
        assertThat(room.headEventId()).isEqualTo(previous);
        assertThat(room.headDepth()).isEqualTo(stored.size());
        assertThat(hs.state.current(roomId)).isEqualTo(stateBefore);
    }

    /** Room v1/v2: prev and auth events are {@code [id, {"sha256": reference hash of that event}]} pairs. */
    private void assertCitedWithReferenceHashes(JsonObject json, RoomVersion version) {
        for (String key : List.of("prev_events", "auth_events")) {
            for (JsonValue cited : json.array(key).orElseThrow().items()) {
                JsonArray pair = (JsonArray) cited;
                assertThat(pair.size()).isEqualTo(2);
                JsonObject target = hs.events.find(((JsonString) pair.get(0)).value()).orElseThrow().pdu().json();
                assertThat(pair.get(1)).isEqualTo(JsonObject.builder()
                        .put("sha256", EventHashing.referenceHash(target, version)).build());
            }
        }
    }

    @ParameterizedTest(name = "room version {0}")
    @ValueSource(strings = {"1", "3", "6", "10", "11", "12"})
    void a_message_cites_the_create_event_before_v12_the_power_levels_and_its_senders_membership(String versionId) {
        String roomId = hs.createRoomOfVersion(alice, versionId, "public_chat");
        String message = hs.say(alice, roomId, "Hello");

        Map<StateKey, String> state = hs.state.current(roomId);
        List<String> expected = versionId.equals("12")
                ? List.of(state.get(StateKey.POWER_LEVELS), state.get(StateKey.member(alice.userId().toString())))
                : List.of(state.get(StateKey.CREATE), state.get(StateKey.POWER_LEVELS),
                        state.get(StateKey.member(alice.userId().toString())));
        assertThat(hs.events.find(message).orElseThrow().pdu().authEvents())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_version_12_room_is_named_by_the_hash_of_its_create_event() {
        String roomId = hs.createRoomOfVersion(alice, "12", "public_chat");

        Pdu create = hs.events.all(roomId).getFirst().pdu();
        assertThat(create.type()).isEqualTo("m.room.create");
        assertThat(create.json().has("room_id")).isFalse();
        assertThat(roomId).isEqualTo("!" + create.eventId().substring(1))
                .isEqualTo(EventHashing.roomIdOfCreateEvent(create.json(), RoomVersion.V12));
        assertThat(create.content().string("room_version")).contains("12");
        assertThat(hs.queries.stateContent(alice, roomId, "m.room.create", "").string("room_version")).contains("12");
    }

    @Test
    void rooms_are_version_11_unless_asked_and_unknown_versions_are_refused() {
        String roomId = hs.createRoom(alice, "public_chat");

        assertThat(hs.rooms.find(roomId).orElseThrow().version()).isEqualTo(RoomVersion.V11);
        assertThat(hs.queries.stateContent(alice, roomId, "m.room.create", "").string("room_version")).contains("11");
        assertThat(refusal(() -> hs.createRoomOfVersion(alice, "13", "public_chat")).kind())
                .isEqualTo(ErrorKind.UNSUPPORTED_ROOM_VERSION);
    }

    /** A room of the version with every kind of event: state, messages, membership changes and a redaction. */
    private String aBusyRoom(String versionId) {
        String roomId = hs.createRoomOfVersion(alice, versionId, "private_chat", bob.userId().toString());
        hs.membership.join(bob, roomId, null);
        String hello = hs.say(alice, roomId, "Hello");
        hs.say(bob, roomId, "Hi");
        hs.sendEvent.sendState(alice, roomId, "m.room.name", "", JsonObject.builder().put("name", "Tea").build());
        hs.sendEvent.redact(alice, roomId, hello, "never mind", "r1");
        hs.membership.kick(alice, roomId, bob.userId().toString(), null);
        hs.membership.ban(alice, roomId, bob.userId().toString(), null);
        return roomId;
    }
}
