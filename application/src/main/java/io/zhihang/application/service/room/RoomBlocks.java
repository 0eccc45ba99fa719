package io.zhihang.application.service.room;

import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.Blocks;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where blocks ({@code m.ignored_user_list}, ADR 0009) are enforced on what enters a room: every invite
 * event goes through {@link RoomWriter}, which asks {@link #checkInvite} (so {@code /invite}, {@code createRoom}'s
 * {@code invite} list, a member state event and the direct chats are all covered), and opening a direct chat asks
 * {@link #checkDirectChat} before anything is made or joined.
 */
@ApplicationScoped
public class RoomBlocks {
    private static final String MEMBER = "m.room.member";

    private final IgnoreLists ignoreLists;

    public RoomBlocks(IgnoreLists ignoreLists) {
        this.ignoreLists = ignoreLists;
    }

    /** Refuses an invite event whose target ignores its sender; any other draft passes without a read. */
    public void checkInvite(EventDraft draft) {
        if (!MEMBER.equals(draft.type()) || draft.stateKey() == null || draft.sender().equals(draft.stateKey())
                || !"invite".equals(draft.content().string("membership").orElse(null))) {
            return;
        }
        Blocks.checkInvite(draft.sender(), draft.stateKey(), ignoreLists.of(draft.stateKey()));
    }

    /** Whether either user ignores the other (a block either way). */
    public boolean eitherWay(UserId me, UserId other) {
        return Blocks.eitherWay(me.toString(), ignoreLists.of(me.toString()), other.toString(),
                ignoreLists.of(other.toString()));
    }

    public void checkDirectChat(UserId me, UserId other) {
        Blocks.checkDirectChat(me.toString(), ignoreLists.of(me.toString()), other.toString(),
                ignoreLists.of(other.toString()));
    }
}
