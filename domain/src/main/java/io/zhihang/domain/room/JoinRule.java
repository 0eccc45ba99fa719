package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;

import java.util.Optional;

/** The {@code join_rule} of an {@code m.room.join_rules} event. */
public enum JoinRule {
    PUBLIC("public"),
    INVITE("invite"),
    KNOCK("knock"),
    RESTRICTED("restricted"),
    KNOCK_RESTRICTED("knock_restricted"),
    /** Reserved by the spec without defined behaviour: the auth rules let nobody join, invited or not. */
    PRIVATE("private");

    private final String wireName;

    JoinRule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The rule a wire value names, or empty for anything unknown (which lets nobody join or knock). */
    public static Optional<JoinRule> parse(String wireName) {
        for (JoinRule r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether rooms of this version know the rule; in other versions it is as good as unknown. */
    public boolean isSupportedBy(RoomVersion version) {
        return switch (this) {
            case PUBLIC, INVITE, PRIVATE -> true;
            case KNOCK -> version.knockJoinRule();
            case RESTRICTED -> version.restrictedJoinRule();
            case KNOCK_RESTRICTED -> version.knockRestrictedJoinRule();
        };
    }
}
