package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the events of one test room, after the helpers of Synapse's {@code tests/test_event_auth.py}
 * ({@code _create_event}, {@code _member_event}, {@code _power_levels_event}, …). Alice creates the room; the room id
 * has the right shape for the version ({@code !create} in v12, where it is the create event's id).
 */
final class Events {
    static final String ALICE = "@alice:example.org";
    static final String BOB = "@bob:example.org";
    static final String CAROL = "@carol:example.org";
    static final String DAVE = "@dave:other.example";
    static final String CREATE_ID = "$create";

    private final RoomVersion version;
    private final List<String> additionalCreators;
    private int sequence;

    private Events(RoomVersion version, List<String> additionalCreators) {
        this.version = version;
        this.additionalCreators = additionalCreators;
    }

    static Events in(RoomVersion version) {
        return new Events(version, List.of());
    }

    /** A v12 room with these users as {@code additional_creators}. */
    static Events withAdditionalCreators(RoomVersion version, String... creators) {
        return new Events(version, List.of(creators));
    }

    /** The versions these rules were written against. */
    static Stream<RoomVersion> modernVersions() {
        return Stream.of(RoomVersion.V10, RoomVersion.V11, RoomVersion.V12);
    }

    RoomVersion version() {
        return version;
    }

    String roomId() {
        return version.roomIdFromCreateEvent() ? "!" + CREATE_ID.substring(1) : "!room:example.org";
    }

    Pdu create() {
        JsonObject.Builder content = JsonObject.builder().put("room_version", version.id());
        if (!version.implicitRoomCreator()) {
            content.put("creator", ALICE);
        }
        if (!additionalCreators.isEmpty()) {
            content.put("additional_creators", array(additionalCreators.toArray()));
        }
        Builder create = event(RoomEventTypes.CREATE, ALICE).id(CREATE_ID).stateKey("").content(content.build())
                .prevEvents();
        return version.roomIdFromCreateEvent() ? create.without("room_id").build() : create.build();
    }

    Pdu join(String user) {
        return member(user, user, "join");
    }

    Pdu invite(String sender, String target) {
        return member(sender, target, "invite");
    }

    Pdu leave(String sender, String target) {
        return member(sender, target, "leave");
    }

    Pdu ban(String sender, String target) {
        return member(sender, target, "ban");
    }

    Pdu knock(String user) {
        return member(user, user, "knock");
    }

    Pdu member(String sender, String target, String membership) {
        return memberBuilder(sender, target, membership, JsonObject.EMPTY).build();
    }

    Builder memberBuilder(String sender, String target, String membership, JsonObject extraContent) {
        return event(RoomEventTypes.MEMBER, sender).stateKey(target)
                .content(extraContent.with("membership", JsonString.of(membership)));
    }

    Pdu joinRules(String rule) {
        return state(RoomEventTypes.JOIN_RULES, "", ALICE, obj("join_rule", rule));
    }

    Pdu powerLevels(String sender, JsonObject content) {
        return state(RoomEventTypes.POWER_LEVELS, "", sender, content);
    }

    Pdu powerLevels(JsonObject content) {
        return powerLevels(ALICE, content);
    }

    /**
     * Power levels content giving these users (alternating id and level) their levels, and Alice 100 before v12
     * (from v12 she is a creator and may not be listed). Other members are the rest of the content.
     */
    JsonObject levels(Object[] usersAndLevels, Object... otherMembers) {
        JsonObject.Builder users = JsonObject.builder();
        if (!version.privilegedCreators()) {
            users.put(ALICE, 100);
        }
        users.apply(b -> obj(usersAndLevels).members().forEach(b::put));
        return obj(otherMembers).with("users", users.build());
    }

    static Object[] users(Object... usersAndLevels) {
        return usersAndLevels;
    }

    Pdu message(String sender) {
        return event("m.room.message", sender).content(obj("msgtype", "m.text", "body", "hi")).build();
    }

    Pdu state(String type, String stateKey, String sender, JsonObject content) {
        return event(type, sender).stateKey(stateKey).content(content).build();
    }

    Builder event(String type, String sender) {
        JsonObject json = JsonObject.builder()
                .put("room_id", roomId())
                .put("type", type)
                .put("sender", sender)
                .put("content", JsonObject.EMPTY)
                .put("prev_events", JsonArray.of(JsonString.of("$previous")))
                .put("auth_events", JsonArray.EMPTY)
                .put("depth", 5)
                .put("origin_server_ts", 1_700_000_000_000L)
                .build();
        return new Builder("$e" + ++sequence, json);
    }

    /** A builder starting from an existing event, for "the same event but…". */
    static Builder from(Pdu event) {
        return new Builder(event.eventId(), event.json());
    }

    /** The state made of the create event and these events. */
    AuthState room(Pdu... stateEvents) {
        List<Pdu> all = new ArrayList<>();
        all.add(create());
        all.addAll(Arrays.asList(stateEvents));
        return AuthState.of(all);
    }

    /** Checks the event against the create event plus these state events. */
    Decision check(Pdu event, Pdu... stateEvents) {
        return EventAuthRules.check(event, room(stateEvents), version);
    }

    /** A JSON object from alternating keys and values (strings, numbers, booleans, lists, JSON values). */
    static JsonObject obj(Object... keysAndValues) {
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], json(keysAndValues[i + 1]));
        }
        return b.build();
    }

    static JsonArray array(Object... items) {
        return new JsonArray(Arrays.stream(items).map(Events::json).toList());
    }

    static JsonValue json(Object value) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case JsonValue v -> v;
            case String s -> JsonString.of(s);
            case Integer n -> JsonNumber.of(n);
            case Long n -> JsonNumber.of(n);
            case Boolean b -> JsonBool.of(b);
            case List<?> l -> array(l.toArray());
            default -> throw new IllegalArgumentException("Not JSON: " + value);
        };
    }

    /** A PDU under construction. */
    static final class Builder {
        private String id;
        private JsonObject json;

        private Builder(String id, JsonObject json) {
            this.id = id;
            this.json = json;
        }

        Builder id(String eventId) {
            this.id = eventId;
            return this;
        }

        Builder stateKey(String stateKey) {
            return set("state_key", JsonString.of(stateKey));
        }

        Builder content(JsonObject content) {
            return set("content", content);
        }

        Builder prevEvents(String... eventIds) {
            return set("prev_events", array((Object[]) eventIds));
        }

        Builder set(String key, Object value) {
            json = json.with(key, json(value));
            return this;
        }

        Builder without(String key) {
            json = json.without(key);
            return this;
        }

        Pdu build() {
            return new Pdu(id, json);
        }
    }
}
