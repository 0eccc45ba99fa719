package io.zhihang.application.service.lifecycle;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.in.userdata.AccountDataUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.RoomBlocks;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.DirectChats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one-to-one room of two users, the one path behind {@code POST /createDM}, the seed message API's
 * {@code user_id} and (later) an accepted friend request. A room is reused rather than duplicated when both users are
 * in it (joined or invited, at least one joined, nobody else) and it is listed in either user's {@code m.direct}, or
 * the other user invited the requester to it with {@code is_direct}; the requester joins it if only invited. Without
 * one, a {@code trusted_private_chat} room with {@code is_direct} is made and the other user invited, as Element does.
 * Either way the room ends up in the requester's {@code m.direct} (the other user's follows when they join, through
 * {@code DirectInviteAccepted}).
 */
@ApplicationScoped
public class DirectRooms {
    private static final Set<String> PRESENT = Set.of("join", "invite");

    private final AccountDataRepository accountData;
    private final AccountDataUseCase accountDataWrites;
    private final RoomAccess access;
    private final RoomStateStore state;
    private final CreateRoomUseCase rooms;
    private final MembershipUseCase membership;
    private final AccountRepository accounts;
    private final HomeserverSettings settings;
    private final RoomBlocks blocks;
    private final UserPairLock pairs;

    public DirectRooms(AccountDataRepository accountData, AccountDataUseCase accountDataWrites, RoomAccess access,
                       RoomStateStore state, CreateRoomUseCase rooms, MembershipUseCase membership,
                       AccountRepository accounts, HomeserverSettings settings, RoomBlocks blocks,
                       UserPairLock pairs) {
        this.accountData = accountData;
        this.accountDataWrites = accountDataWrites;
        this.access = access;
        this.state = state;
        this.rooms = rooms;
        this.membership = membership;
        this.accounts = accounts;
        this.settings = settings;
        this.blocks = blocks;
        this.pairs = pairs;
    }

    /**
     * Opens or reuses the direct chat of the requester with {@code other}. Refused: oneself ({@code 400
     * M_INVALID_PARAM}), a local user who does not exist or is deactivated ({@code 404 M_NOT_FOUND}), a block either
     * way ({@code 403 M_FORBIDDEN}). One transaction under the pair's lock, so that two users opening their chat at
     * the same moment (or one user twice) get one room.
     */
    @Transactional
    public String with(Requester requester, UserId other) {
        UserId me = requester.userId();
        if (other.equals(me)) {
            throw DomainException.invalidParam("A direct chat needs another user");
        }
        if (other.isLocalTo(settings.serverName()) && accounts.find(other).filter(a -> !a.deactivated()).isEmpty()) {
            throw DomainException.notFound("Unknown user " + other);
        }
        blocks.checkDirectChat(me, other);
        pairs.lock(me, other);
        String self = me.toString();
        String them = other.toString();
        Optional<String> existing = existing(self, them);
        String roomId;
        if (existing.isPresent()) {
            roomId = existing.get();
            if (!"join".equals(access.membership(roomId, self).orElse(null))) {
                membership.join(requester, roomId, null);
            }
        } else {
            roomId = rooms.create(new CreateRoomCommand(requester, "trusted_private_chat", "private", null, null,
                    null, List.of(them), List.of(), null, null, true, null)).roomId();
        }
        record(requester, them, roomId);
        return roomId;
    }

    /**
     * The requester accepts the direct invite they hold for {@code roomId} (joins, and lists the room in their
     * {@code m.direct} under the inviter); false if they hold no invite marked {@code is_direct} there. A block either
     * way is refused as for {@link #with}.
     */
    public boolean acceptInvite(Requester requester, String roomId) {
        Optional<Pdu> invite = directInvite(roomId, requester.userId().toString());
        if (invite.isEmpty()) {
            return false;
        }
        UserId inviter = UserId.parse(invite.get().sender());
        blocks.checkDirectChat(requester.userId(), inviter);
        membership.join(requester, roomId, null);
        record(requester, inviter.toString(), roomId);
        return true;
    }

    /** Adds {@code roomId} under {@code partner} to the owner's {@code m.direct}, unless it is listed there already. */
    @Transactional
    public void record(Requester owner, String partner, String roomId) {
        String self = owner.userId().toString();
        accountData.lockStream();
        DirectChats before = direct(self);
        if (!before.lists(roomId)) {
            accountDataWrites.put(owner, self, null, DirectChats.TYPE, before.with(partner, roomId).content());
        }
    }

    /** The user's {@code m.direct}. */
    public DirectChats direct(String userId) {
        return accountData.find(userId, null, DirectChats.TYPE).map(DirectChats::new).orElse(DirectChats.NONE);
    }

    /** The user's current invite to the room if it says {@code is_direct: true}. */
    public Optional<Pdu> directInvite(String roomId, String userId) {
        return access.stateEvent(roomId, StateKey.member(userId))
                .filter(e -> DirectChats.isDirectInvite(e.content()));
    }

    private Optional<String> existing(String self, String them) {
        Set<String> candidates = new LinkedHashSet<>(direct(self).roomsWith(them));
        candidates.addAll(direct(them).roomsWith(self));
        for (String invited : state.roomsWith(self, "invite")) {
            directInvite(invited, self).filter(e -> e.sender().equals(them)).ifPresent(e -> candidates.add(invited));
        }
        return candidates.stream().filter(roomId -> oneToOne(roomId, self, them)).findFirst();
    }

    /** Both present (joined or invited), at least one joined, nobody else present. */
    private boolean oneToOne(String roomId, String self, String them) {
        Map<String, String> members = state.memberships(roomId);
        String mine = members.get(self);
        String theirs = members.get(them);
        if (mine == null || theirs == null || !PRESENT.contains(mine) || !PRESENT.contains(theirs)
                || !("join".equals(mine) || "join".equals(theirs))) {
            return false;
        }
        return members.entrySet().stream().filter(e -> PRESENT.contains(e.getValue())).count() == 2;
    }
}
