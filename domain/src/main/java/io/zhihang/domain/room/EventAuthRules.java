package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The authorisation rules for room events (Synapse's {@code event_auth.py}), switched on {@link RoomVersion} flags.
 * Written against the v10, v11 and v12 rules of the spec, with the differences of earlier versions that the flags
 * describe (the {@code m.room.aliases} special case and the redaction rule of v1/v2, string power levels before v10,
 * join rules and memberships a version does not know).
 * <p>
 * Rule numbers in comments are those of v10/v11; v12 inserts its room id rule as 2, so later rules shift by one there.
 * Not here: signatures and hashes (pipeline steps 2–3, including rule 4.2 "validly signed by the authorising user's
 * server"), whether an auth event was itself rejected (rule 2.3, known only to the store), and third-party invite
 * signatures (rule 4.4.1.7): third-party invites are refused.
 */
public final class EventAuthRules {
    /** The member event content key naming the user whose server authorised a restricted join. */
    public static final String AUTHORISING_USER = "join_authorised_via_users_server";

    private EventAuthRules() {
    }

    /**
     * Whether {@code event} is allowed in a room of {@code version} whose state is {@code state}: the state before the
     * event, its own {@code auth_events}, or the current state, depending on which of the checks on receipt is run.
     */
    public static Decision check(Pdu event, AuthState state, RoomVersion version) {
        Optional<String> type = event.json().string("type");
        Optional<String> sender = event.json().string("sender");
        if (type.isEmpty() || sender.isEmpty()) {
            return Decision.deny("The event has no type or no sender");
        }
        if (type.get().equals(RoomEventTypes.CREATE)) {
            return checkCreate(event, version);
        }
        Optional<Pdu> create = state.create();
        if (create.isEmpty()) {
            return Decision.deny("The room has no m.room.create event");
        }
        Decision inRoom = checkSameRoom(event, state, create.get(), version);
        if (!inRoom.isAllowed()) {
            return inRoom;
        }
        Decision federation = checkFederation(sender.get(), create.get());
        if (!federation.isAllowed()) {
            return federation;
        }
        if (version.specialCaseAliasesAuth() && type.get().equals(RoomEventTypes.ALIASES)) {
            return checkAliases(event, sender.get());
        }
        PowerLevels levels = state.powerLevels(version);
        if (type.get().equals(RoomEventTypes.MEMBER)) {
            return MembershipRules.check(event, state, levels, create.get(), version);
        }
        return checkNonMember(event, type.get(), sender.get(), state, levels, version);
    }

    /**
     * Rule 2 on an event's {@code auth_events}: no two for the same state key (2.1), only state keys of the auth
     * events selection (2.2, so never the create event in v12), the create event among them before v12 (2.4), all of
     * the event's room (2.5). Whether one of them was rejected (2.3) is for the caller, who knows.
     */
    public static Decision checkAuthEvents(Pdu event, Collection<Pdu> authEvents, RoomVersion version) {
        if (event.json().string("type").isEmpty() || event.json().string("sender").isEmpty()) {
            return Decision.deny("The event has no type or no sender");
        }
        if (event.type().equals(RoomEventTypes.CREATE)) {
            return authEvents.isEmpty() ? Decision.allow() : Decision.deny("The create event has auth events");
        }
        Set<StateKey> expected = AuthState.authTypesFor(event, version);
        Set<StateKey> seen = new HashSet<>();
        Optional<String> roomId = event.json().string("room_id");
        for (Pdu auth : authEvents) {
            if (!auth.isState()) {
                return Decision.deny("Auth event " + auth.eventId() + " is not a state event");
            }
            StateKey key = StateKey.of(auth);
            if (!seen.add(key)) {
                return Decision.deny("Two auth events for " + key);
            }
            if (!expected.contains(key)) {
                return Decision.deny("Auth event " + auth.eventId() + " for " + key + " is not one the event may cite");
            }
            if (roomId.isEmpty() || !roomId.equals(auth.json().string("room_id"))) {
                return Decision.deny("Auth event " + auth.eventId() + " is from another room");
            }
        }
        if (!version.roomIdFromCreateEvent() && !seen.contains(StateKey.CREATE)) {
            return Decision.deny("The auth events have no m.room.create event");
        }
        return Decision.allow();
    }

    /** Rule 1. */
    private static Decision checkCreate(Pdu event, RoomVersion version) {
        if (event.json().get("prev_events").filter(p -> !(p instanceof JsonArray a) || a.size() > 0).isPresent()) {
            return Decision.deny("The create event has previous events");
        }
        if (version.roomIdFromCreateEvent()) {
            if (event.json().has("room_id")) {
                return Decision.deny("The create event has a room_id; in this room version the room id is its hash");
            }
        } else {
            Optional<String> roomDomain = event.json().string("room_id").flatMap(Ids::domainOf);
            if (roomDomain.isEmpty() || !roomDomain.equals(Ids.domainOf(event.sender()))) {
                return Decision.deny("The room id's domain does not match the creator's");
            }
        }
        JsonObject content = event.content();
        Optional<JsonValue> roomVersion = content.get("room_version");
        if (roomVersion.isPresent() && !(roomVersion.get() instanceof JsonString s
                && RoomVersion.byId(s.value()).isPresent())) {
            return Decision.deny("Unknown room version");
        }
        if (version.privilegedCreators() && content.has("additional_creators")
                && !isArrayOfUserIds(content.get("additional_creators").get())) {
            return Decision.deny("additional_creators is not an array of valid user ids");
        }
        if (!version.implicitRoomCreator() && !content.has("creator")) {
            return Decision.deny("The create event has no creator");
        }
        return Decision.allow();
    }

    /** v12 rule 2 and rule 2.5 on the state the event is checked against. */
    private static Decision checkSameRoom(Pdu event, AuthState state, Pdu create, RoomVersion version) {
        Optional<String> roomId = event.json().string("room_id");
        if (roomId.isEmpty()) {
            return Decision.deny("The event has no room_id");
        }
        if (version.roomIdFromCreateEvent()) {
            String createId = create.eventId();
            if (!createId.startsWith("$") || !roomId.get().equals("!" + createId.substring(1))) {
                return Decision.deny("The room id is not that of the room's create event");
            }
        }
        for (Pdu stateEvent : state.events().values()) {
            boolean hashedCreate = version.roomIdFromCreateEvent() && stateEvent.type().equals(RoomEventTypes.CREATE);
            if (!hashedCreate && !roomId.equals(stateEvent.json().string("room_id"))) {
                return Decision.deny("State event " + stateEvent.eventId() + " is from another room");
            }
        }
        return Decision.allow();
    }

    /** Rule 3: {@code m.federate: false} keeps other servers' users out. */
    private static Decision checkFederation(String sender, Pdu create) {
        boolean unfederated = create.content().get("m.federate").filter(JsonBool.FALSE::equals).isPresent();
        if (unfederated && !Ids.domainOf(sender).equals(create.json().string("sender").flatMap(Ids::domainOf))) {
            return Decision.deny("This room is not federated, and the sender is on another server");
        }
        return Decision.allow();
    }

    /** v1–v5 rule 4: an aliases event's state key is the sender's server. */
    private static Decision checkAliases(Pdu event, String sender) {
        Optional<String> stateKey = event.stateKey();
        if (stateKey.isEmpty()) {
            return Decision.deny("An m.room.aliases event must be a state event");
        }
        if (!Ids.domainOf(sender).equals(stateKey)) {
            return Decision.deny("An m.room.aliases event's state key must be the sender's server");
        }
        return Decision.allow();
    }

    /** Rules 5–10. */
    private static Decision checkNonMember(Pdu event, String type, String sender, AuthState state,
                                           PowerLevels levels, RoomVersion version) {
        if (!state.hasMembership(sender, Membership.JOIN)) {
            return Decision.deny(sender + " is not in the room");
        }
        long senderLevel = levels.userLevel(sender);
        if (type.equals(RoomEventTypes.THIRD_PARTY_INVITE)) {
            return levels.userCanInvite(sender) ? Decision.allow()
                    : Decision.deny("Your power level " + senderLevel + " is below the invite level " + levels.invite());
        }
        long required = levels.eventLevel(type, event.isState());
        if (required > senderLevel) {
            return Decision.deny("Sending " + type + " needs power level " + required + "; yours is " + senderLevel);
        }
        Optional<String> stateKey = event.stateKey();
        if (stateKey.isPresent() && stateKey.get().startsWith("@") && !stateKey.get().equals(sender)) {
            return Decision.deny("A state key that is a user id must be the sender's own");
        }
        if (type.equals(RoomEventTypes.POWER_LEVELS)) {
            return checkPowerLevels(event, sender, senderLevel, state, version);
        }
        if (type.equals(RoomEventTypes.REDACTION)
                && version.eventIdFormat() == RoomVersion.EventIdFormat.V1_SERVER_GENERATED) {
            return checkV1Redaction(event, sender, levels);
        }
        return Decision.allow();
    }

    /** Rule 9 (v12: 10). */
    private static Decision checkPowerLevels(Pdu event, String sender, long senderLevel, AuthState state,
                                             RoomVersion version) {
        Decision shape = PowerLevels.checkContent(event.content(), version, state.creators(version));
        if (!shape.isAllowed()) {
            return shape;
        }
        Optional<Pdu> current = state.powerLevelsEvent();
        if (current.isEmpty()) {
            return Decision.allow();
        }
        return PowerLevelsChangeRules.checkChange(current.get().content(), event.content(), sender, senderLevel,
                version);
    }

    /** v1/v2 rule 11: the redact level, or a redaction from the server that sent the redacted event. */
    private static Decision checkV1Redaction(Pdu event, String sender, PowerLevels levels) {
        if (levels.userCanRedactOthers(sender)) {
            return Decision.allow();
        }
        Optional<String> redactedDomain = event.redacts().flatMap(Ids::domainOf);
        if (redactedDomain.isPresent() && redactedDomain.equals(Ids.domainOf(event.eventId()))) {
            return Decision.allow();
        }
        return Decision.deny("Redacting another server's event needs power level " + levels.redact());
    }

    private static boolean isArrayOfUserIds(JsonValue value) {
        return value instanceof JsonArray array && array.items().stream()
                .allMatch(item -> item instanceof JsonString s && Ids.isValidUserId(s.value()));
    }
}
