package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;

import java.util.Optional;

/** The {@code membership} of an {@code m.room.member} event. */
public enum Membership {
    JOIN("join"),
    INVITE("invite"),
    LEAVE("leave"),
    BAN("ban"),
    KNOCK("knock");

    private final String wireName;

    Membership(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in event content. */
    public String wireName() {
        return wireName;
    }

    /** The membership a wire value names, or empty for anything unknown (the auth rules reject unknown values). */
    public static Optional<Membership> parse(String wireName) {
        for (Membership m : values()) {
            if (m.wireName.equals(wireName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a user with this membership still has a place in the room (joined, invited or knocking): such a user
     * can be kicked, and cannot forget the room.
     */
    public boolean isPresent() {
        return this == JOIN || this == INVITE || this == KNOCK;
    }

    /** {@link #isPresent()} for a wire value; an unknown or absent membership is not present. */
    public static boolean isPresent(String wireName) {
        return wireName != null && parse(wireName).map(Membership::isPresent).orElse(false);
    }

    /** Whether rooms of this version know the membership ({@code knock} arrived in v7). */
    public boolean isSupportedBy(RoomVersion version) {
        return this != KNOCK || version.knockJoinRule();
    }
}
