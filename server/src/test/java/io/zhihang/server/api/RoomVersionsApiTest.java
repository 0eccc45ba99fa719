package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.zhihang.application.port.out.SigningKeyProvider;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.EventHashing;
import io.zhihang.domain.protocol.EventSigning;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Rooms of every version 1–12: created, joined, written, read and redacted through the client API, with event ids of
 * the version's format (v3 ids may hold {@code /} and {@code +}, percent-encoded in paths) and stored PDUs of the
 * version's shape, hashes and signature.
 */
@QuarkusTest
class RoomVersionsApiTest {
    private static final String SERVER_CHOSEN_ID = "\\$[A-Za-z]+:localhost";
    private static final String STANDARD_BASE64_ID = "\\$[A-Za-z0-9+/]{43}";
    private static final String URL_SAFE_BASE64_ID = "\\$[A-Za-z0-9_-]{43}";
    private static int txn;

    @Inject
    EventStore events;
    @Inject
    SigningKeyProvider keys;

    /** A path segment: everything but unreserved characters percent-encoded ({@code $}, {@code :}, {@code /}, {@code +}). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A request whose path is sent as written (the segments are encoded by {@link #segment}). */
    private static RequestSpecification raw(Matrix.Session session) {
        return as(session).urlEncodingEnabled(false);
    }

    private static String idPattern(RoomVersion version) {
        return switch (version.eventIdFormat()) {
            case V1_SERVER_GENERATED -> SERVER_CHOSEN_ID;
            case V3_STANDARD_BASE64 -> STANDARD_BASE64_ID;
            case V4_URL_SAFE_BASE64 -> URL_SAFE_BASE64_ID;
        };
    }

    private static String redact(Matrix.Session sender, String roomId, String eventId) {
        return raw(sender).body(Map.of("reason", "oops"))
                .put(path(segment(roomId)) + "/redact/" + segment(eventId) + "/rv" + (++txn))
                .then().log().ifValidationFails().statusCode(200).extract().path("event_id");
    }

    @ParameterizedTest(name = "room version {0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"})
    void a_room_of_each_version_is_created_joined_written_read_and_redacted(String id) {
        RoomVersion version = RoomVersion.byId(id).orElseThrow();
        Matrix.Session alice = Matrix.registerFresh("rv" + id);
        Matrix.Session bob = Matrix.registerFresh("rvb" + id);
        String roomId = Rooms.create(alice, Map.of("room_version", id, "name", "Version " + id));
        as(alice).body(Map.of("user_id", bob.userId())).post(path(roomId) + "/invite").then().statusCode(200);
        Rooms.join(bob, roomId);

        var create = as(bob).get(path(roomId) + "/state/m.room.create").then().statusCode(200)
                .body("room_version", equalTo(id));
        if (version.implicitRoomCreator()) {
            create.body("$", not(hasKey("creator")));
        } else {
            create.body("creator", equalTo(alice.userId()));
        }

        String message = Rooms.send(alice, roomId, "hello v" + id);
        assertThat(message).matches(idPattern(version));
        raw(bob).get(path(segment(roomId)) + "/event/" + segment(message)).then().statusCode(200)
                .body("event_id", equalTo(message))
                .body("room_id", equalTo(roomId))
                .body("content.body", equalTo("hello v" + id));
        List<String> seen = as(bob).get(path(roomId) + "/messages?dir=b&limit=5").then().statusCode(200)
                .extract().jsonPath().getList("chunk.event_id", String.class);
        assertThat(seen).contains(message).allSatisfy(e -> assertThat(e).matches(idPattern(version)));

        raw(bob).body(Map.of()).put(path(segment(roomId)) + "/redact/" + segment(message) + "/rv" + (++txn))
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        String own = Rooms.send(bob, roomId, "mine");
        redact(bob, roomId, own);
        String redaction = redact(alice, roomId, message);
        assertThat(redaction).matches(idPattern(version));
        raw(bob).get(path(segment(roomId)) + "/event/" + segment(message)).then().statusCode(200)
                .body("content", anEmptyMap())
                .body("unsigned.redacted_because.event_id", equalTo(redaction));
        var redactionEvent = raw(bob).get(path(segment(roomId)) + "/event/" + segment(redaction)).then()
                .statusCode(200).body("redacts", equalTo(message)).body("content.reason", equalTo("oops"));
        if (version.implicitRoomCreator()) {
            redactionEvent.body("content.redacts", equalTo(message));
        } else {
            redactionEvent.body("content", not(hasKey("redacts")));
        }

        assertStoredAsVersion(message, version);
        assertStoredAsVersion(redaction, version);
        Pdu join = events.find(as(bob).get(path(roomId) + "/state").then().statusCode(200).extract().jsonPath()
                .getString("find { it.type == 'm.room.member' && it.state_key == '" + bob.userId() + "' }.event_id"))
                .orElseThrow().pdu();
        assertStoredAsVersion(join.eventId(), version);
    }

    /**
     * The stored PDU is the one federation will serve: its content hash and signature hold, and its id and the
     * references to its prev and auth events have the version's form.
     */
    private void assertStoredAsVersion(String eventId, RoomVersion version) {
        JsonObject json = events.find(eventId).orElseThrow().pdu().json();
        assertThat(EventHashing.hasValidContentHash(json)).isTrue();
        assertThat(EventSigning.verify(json, version, "localhost", keys.signingKey().keyId(),
                UnpaddedBase64.decode(keys.signingKey().publicKeyBase64()))).isTrue();
        List<JsonValue> references = new java.util.ArrayList<>(json.array("prev_events").orElseThrow().items());
        references.addAll(json.array("auth_events").orElseThrow().items());
        assertThat(json.array("prev_events").orElseThrow().items()).hasSize(1);
        assertThat(json.array("auth_events").orElseThrow().items()).isNotEmpty();
        if (version.eventIdFormat() == RoomVersion.EventIdFormat.V1_SERVER_GENERATED) {
            assertThat(json.string("event_id")).contains(eventId);
            for (JsonValue reference : references) {
                JsonArray pair = (JsonArray) reference;
                String referenced = ((JsonString) pair.get(0)).value();
                JsonObject target = events.find(referenced).orElseThrow().pdu().json();
                assertThat(pair.items()).hasSize(2);
                assertThat(((JsonObject) pair.get(1)).string("sha256"))
                        .contains(EventHashing.referenceHash(target, version));
            }
        } else {
            assertThat(json.has("event_id")).isFalse();
            assertThat(EventHashing.eventId(json, version)).isEqualTo(eventId);
            assertThat(references).allSatisfy(r -> assertThat(r).isInstanceOf(JsonString.class));
        }
    }

    @Test
    void room_v3_ids_with_slash_and_plus_work_in_every_path_that_takes_an_event_id() {
        Matrix.Session alice = Matrix.registerFresh("rv3p");
        String roomId = Rooms.create(alice, Map.of("room_version", "3"));
        for (Predicate<String> wanted : List.<Predicate<String>>of(e -> e.contains("/"), e -> e.contains("+"))) {
            String eventId = null;
            for (int i = 0; i < 200 && eventId == null; i++) {
                String sent = Rooms.send(alice, roomId, "try " + i);
                if (wanted.test(sent)) {
                    eventId = sent;
                }
            }
            assertThat(eventId).as("a v3 event id with the character within 200 messages").isNotNull();
            String room = path(segment(roomId));
            String event = segment(eventId);
            raw(alice).get(room + "/event/" + event).then().statusCode(200).body("event_id", equalTo(eventId));
            // "+" is an ordinary character in a path (RFC 3986): a client that leaves it unencoded means "+", not " ".
            raw(alice).get(room + "/event/" + event.replace("%2B", "+")).then().statusCode(200)
                    .body("event_id", equalTo(eventId));
            raw(alice).get(room + "/context/" + event + "?limit=2").then().statusCode(200)
                    .body("event.event_id", equalTo(eventId));
            raw(alice).get(Rooms.v1(segment(roomId)) + "/relations/" + event).then().statusCode(200);
            raw(alice).get(Rooms.v1(segment(roomId)) + "/relations/" + event + "/m.reference").then().statusCode(200);
            raw(alice).body(Map.of()).post(room + "/receipt/m.read/" + event).then().statusCode(200);
            raw(alice).body(Map.of()).post(room + "/read_markers").then().statusCode(200);
            String redaction = redact(alice, roomId, eventId);
            raw(alice).get(room + "/event/" + event).then().statusCode(200)
                    .body("unsigned.redacted_because.event_id", equalTo(redaction));
        }
    }

    @Test
    void unknown_room_versions_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("rvno");
        for (String version : List.of("13", "foo", "")) {
            as(alice).body(Map.of("room_version", version)).post(V3 + "/createRoom").then().statusCode(400)
                    .body("errcode", equalTo("M_UNSUPPORTED_ROOM_VERSION"))
                    .body("error", equalTo("This server does not support room version " + version));
        }
    }

    @Test
    void a_join_rule_the_version_lacks_is_refused_at_creation_and_knocking_needs_v7() {
        Matrix.Session alice = Matrix.registerFresh("rvk");
        Matrix.Session bob = Matrix.registerFresh("rvkb");
        for (String[] refused : new String[][]{{"6", "knock"}, {"7", "restricted"}, {"9", "knock_restricted"}}) {
            as(alice).body(Map.of("room_version", refused[0], "initial_state", List.of(Map.of(
                            "type", "m.room.join_rules", "state_key", "", "content", Map.of("join_rule", refused[1])))))
                    .post(V3 + "/createRoom").then().statusCode(400)
                    .body("errcode", equalTo("M_INVALID_ROOM_STATE"))
                    .body("error", equalTo("Room version " + refused[0] + " does not support the join rule "
                            + refused[1]));
        }
        String v6 = Rooms.create(alice, Map.of("room_version", "6"));
        as(bob).body(Map.of()).post(V3 + "/knock/" + v6).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("Room version 6 does not support the membership knock"));

        String v7 = Rooms.create(alice, Map.of("room_version", "7", "initial_state", List.of(Map.of(
                "type", "m.room.join_rules", "state_key", "", "content", Map.of("join_rule", "knock")))));
        as(bob).body(Map.of()).post(V3 + "/knock/" + v7).then().statusCode(200).body("room_id", equalTo(v7));
    }

    /** From v10 a string fails the auth rules (403 here; Synapse's client path answers 400 M_UNKNOWN). */
    @Test
    void before_v10_power_levels_may_be_strings_of_integers() {
        Matrix.Session alice = Matrix.registerFresh("rvpl");
        Matrix.Session bob = Matrix.registerFresh("rvplb");
        String roomId = Rooms.create(alice, Map.of("room_version", "1", "preset", "public_chat"));
        Rooms.join(bob, roomId);
        as(bob).body(Map.of("topic", "mine")).put(path(roomId) + "/state/m.room.topic").then().statusCode(403);
        Rooms.putState(alice, roomId, "m.room.power_levels", Map.of("users",
                Map.of(alice.userId(), "100", bob.userId(), "50"), "state_default", "50", "events", Map.of()));
        Rooms.putState(bob, roomId, "m.room.topic", Map.of("topic", "mine"));

        String v10 = Rooms.create(alice, Map.of("room_version", "10"));
        as(alice).body(Map.of("users", Map.of(alice.userId(), "100"))).put(path(v10) + "/state/m.room.power_levels")
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    /**
     * Rooms v1–5 would allow floats and integers beyond ±(2^53−1) in events (Synapse accepts them there); this server
     * keeps every event canonical JSON and refuses them in every version, as it does from v6.
     */
    @Test
    void floats_are_refused_in_old_versions_too() {
        Matrix.Session alice = Matrix.registerFresh("rvfl");
        String roomId = Rooms.create(alice, Map.of("room_version", "1"));
        for (String body : List.of("{\"msgtype\":\"m.text\",\"body\":\"x\",\"n\":1.5}",
                "{\"msgtype\":\"m.text\",\"body\":\"x\",\"n\":9007199254740992}")) {
            as(alice).body(body).put(path(roomId) + "/send/m.room.message/rvfl" + (++txn)).then().statusCode(400)
                    .body("errcode", equalTo("M_BAD_JSON"));
        }
    }

    @Test
    void capabilities_list_every_version_as_stable() {
        Matrix.Session alice = Matrix.registerFresh("rvcap");
        Map<String, String> available = as(alice).get(V3 + "/capabilities").then().statusCode(200)
                .body("capabilities.'m.room_versions'.default", equalTo("11"))
                .extract().jsonPath().getMap("capabilities.'m.room_versions'.available", String.class, String.class);
        assertThat(available).containsOnlyKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12")
                .allSatisfy((version, stability) -> assertThat(stability).isEqualTo("stable"));
    }

    @Test
    void a_v1_room_upgrades_to_the_default_version_with_integer_power_levels_and_is_tombstoned() {
        Matrix.Session alice = Matrix.registerFresh("rvup");
        String old = Rooms.create(alice, Map.of("room_version", "1", "name", "Old"));
        Rooms.putState(alice, old, "m.room.power_levels", Map.of("users", Map.of(alice.userId(), "100"),
                "events_default", " 0", "state_default", "+50"));
        Rooms.send(alice, old, "before");
        String replacement = as(alice).body(Map.of("new_version", "11")).post(path(old) + "/upgrade")
                .then().log().ifValidationFails().statusCode(200).extract().path("replacement_room");
        as(alice).get(path(old) + "/state/m.room.tombstone").then().statusCode(200)
                .body("replacement_room", equalTo(replacement));
        as(alice).get(path(replacement) + "/state/m.room.create").then().statusCode(200)
                .body("room_version", equalTo("11")).body("predecessor.room_id", equalTo(old));
        as(alice).get(path(replacement) + "/state/m.room.name").then().body("name", equalTo("Old"));
        as(alice).get(path(replacement) + "/state/m.room.power_levels").then()
                .body("users.'" + alice.userId() + "'", equalTo(100)).body("state_default", equalTo(50));
        String message = Rooms.send(alice, replacement, "after");
        assertThat(message).matches(URL_SAFE_BASE64_ID);
    }
}
