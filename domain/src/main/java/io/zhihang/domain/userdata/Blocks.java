package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;

/**
 * What a block refuses in rooms. A block is an entry of the blocker's {@code m.ignored_user_list} (ADR 0009), so
 * Element's "ignore" and the friend API's block are one list. The refusals never say who blocked whom: a direct chat
 * across a block gets the same answer in both directions.
 */
public final class Blocks {
    private Blocks() {
    }

    /**
     * {@code inviter} invites {@code invitee}, whose ignore list is {@code inviteesList}: refused if the inviter is on
     * it. Synapse instead stores the invite and hides it at sync; here the inviter learns at once that it did not
     * arrive (docs/api.md, "Direct chats").
     */
    public static void checkInvite(String inviter, String invitee, IgnoredUsers inviteesList) {
        if (!inviter.equals(invitee) && inviteesList.isIgnored(inviter)) {
            throw DomainException.forbidden("You cannot invite this user");
        }
    }

    /** Whether either of two users ignores the other ({@code mine} is {@code me}'s list, {@code theirs} the other's). */
    public static boolean eitherWay(String me, IgnoredUsers mine, String other, IgnoredUsers theirs) {
        return mine.isIgnored(other) || theirs.isIgnored(me);
    }

    /** {@code me} opens a direct chat with {@code other}: refused if either ignores the other. */
    public static void checkDirectChat(String me, IgnoredUsers mine, String other, IgnoredUsers theirs) {
        if (eitherWay(me, mine, other, theirs)) {
            throw DomainException.forbidden("You cannot open a direct chat with this user");
        }
    }
}
