package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;

import java.util.Objects;

/** The key of a piece of room state: an event type and a state key ({@code ""} for room-wide state). */
public record StateKey(String type, String stateKey) {
    public static final StateKey CREATE = new StateKey(RoomEventTypes.CREATE, "");
    public static final StateKey POWER_LEVELS = new StateKey(RoomEventTypes.POWER_LEVELS, "");
    public static final StateKey JOIN_RULES = new StateKey(RoomEventTypes.JOIN_RULES, "");

    public StateKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stateKey, "stateKey");
    }

    public static StateKey member(String userId) {
        return new StateKey(RoomEventTypes.MEMBER, userId);
    }

    public static StateKey thirdPartyInvite(String token) {
        return new StateKey(RoomEventTypes.THIRD_PARTY_INVITE, token);
    }

    /** The key a state event occupies. */
    public static StateKey of(Pdu stateEvent) {
        return new StateKey(stateEvent.type(), stateEvent.stateKey()
                .orElseThrow(() -> new IllegalArgumentException("Not a state event: " + stateEvent.eventId())));
    }
}
