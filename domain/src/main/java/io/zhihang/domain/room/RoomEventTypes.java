package io.zhihang.domain.room;

/** The event types the authorisation rules know by name. */
final class RoomEventTypes {
    static final String CREATE = "m.room.create";
    static final String MEMBER = "m.room.member";
    static final String POWER_LEVELS = "m.room.power_levels";
    static final String JOIN_RULES = "m.room.join_rules";
    static final String THIRD_PARTY_INVITE = "m.room.third_party_invite";
    static final String ALIASES = "m.room.aliases";
    static final String REDACTION = "m.room.redaction";

    private RoomEventTypes() {
    }
}
