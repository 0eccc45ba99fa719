package io.zhihang.domain.room;

import java.util.Objects;
import java.util.Set;

/**
 * Who may change a room's entries in this server's directory (its aliases and its place in the public room list),
 * as Synapse decides by default. The spec leaves these checks to the server.
 * <p>
 * A room <em>moderator</em>, in Synapse's sense ({@code Auth.check_can_change_room_list}), is a joined member whose
 * level is enough to send {@code m.room.canonical_alias}. Server admins may do all of it without being in the room.
 *
 * @param userId      the user asking
 * @param serverAdmin whether the user is an admin of this server
 * @param joined      whether the user is joined to the room
 * @param powerLevels the power levels in force in the room
 */
public record RoomDirectoryPolicy(String userId, boolean serverAdmin, boolean joined, PowerLevels powerLevels) {
    public static final String CANONICAL_ALIAS = "m.room.canonical_alias";

    /** The join rules under which a published room shows in the public room list (Synapse's list). */
    private static final Set<String> LISTED_JOIN_RULES = Set.of("public", "knock", "knock_restricted");

    public RoomDirectoryPolicy {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(powerLevels, "powerLevels");
    }

    /** Adding an alias needs membership of the room (Synapse's {@code require_membership_for_aliases}, on by default). */
    public Decision mayCreateAlias() {
        return serverAdmin || joined ? Decision.allow()
                : Decision.deny("You must be in the room to create an alias for it");
    }

    /** The alias's creator may delete it, and so may server admins and the room's moderators. */
    public Decision mayDeleteAlias(String aliasCreator) {
        if (userId.equals(aliasCreator) || isModerator()) {
            return Decision.allow();
        }
        return Decision.deny("You don't have permission to delete the alias.");
    }

    /** Publishing a room in the public room list, or taking it out, is for server admins and the room's moderators. */
    public Decision mayChangeRoomList() {
        if (isModerator()) {
            return Decision.allow();
        }
        return Decision.deny(joined
                ? "You need the power to change the room's canonical alias to change its room list entry"
                : "You are not in the room");
    }

    /** A room's local aliases are shown to its members, server admins, and anyone if the room is world-readable. */
    public Decision mayListAliases(String historyVisibility) {
        if (serverAdmin || joined || "world_readable".equals(historyVisibility)) {
            return Decision.allow();
        }
        return Decision.deny("You are not a member of the room.");
    }

    /**
     * Whether a published room appears in the public room list: it must be open to joining or knocking, or readable by
     * anyone, and somebody must be in it.
     */
    public static boolean isListable(String joinRule, boolean worldReadable, long joinedMembers) {
        boolean open = joinRule != null && LISTED_JOIN_RULES.contains(joinRule);
        return joinedMembers > 0 && (open || worldReadable);
    }

    private boolean isModerator() {
        return serverAdmin || joined && powerLevels.userCanSend(userId, CANONICAL_ALIAS, true);
    }
}
