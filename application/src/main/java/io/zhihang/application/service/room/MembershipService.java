package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.admin.ServerNoticeRooms;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.BlockedRooms;
import io.zhihang.application.port.out.room.ForgottenRooms;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.notice.ServerNoticeRoom;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.JoinContent;
import io.zhihang.domain.room.Membership;
import io.zhihang.domain.room.GuestAccess;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.DirectChats;
import io.zhihang.application.port.in.typing.TypingUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.InstantSource;

/** Membership changes are member events; the auth rules decide who may make which. */
@ApplicationScoped
public class MembershipService implements MembershipUseCase {
    private final TypingUseCase typing;
    private final RoomWriter writer;
    private final RoomAccess access;
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final MemberProfiles profiles;
    private final HomeserverSettings settings;
    private final ForgottenRooms forgotten;
    private final InstantSource clock;
    private final Event<DirectInviteAccepted> directInvitesAccepted;
    private final BlockedRooms blocked;
    private final ServerNoticeRooms noticeRooms;

    public MembershipService(RoomWriter writer, RoomAccess access, AliasRepository aliases, AccountRepository accounts,
                             MemberProfiles profiles, HomeserverSettings settings, ForgottenRooms forgotten,
                             InstantSource clock, TypingUseCase typing,
                             Event<DirectInviteAccepted> directInvitesAccepted, BlockedRooms blocked,
                             ServerNoticeRooms noticeRooms) {
        this.typing = typing;
        this.writer = writer;
        this.access = access;
        this.aliases = aliases;
        this.accounts = accounts;
        this.profiles = profiles;
        this.settings = settings;
        this.forgotten = forgotten;
        this.clock = clock;
        this.directInvitesAccepted = directInvitesAccepted;
        this.blocked = blocked;
        this.noticeRooms = noticeRooms;
    }

    @Override
    @Transactional
    public String join(Requester requester, String roomIdOrAlias, String reason) {
        return joinWithContent(requester, roomIdOrAlias, content(reason));
    }

    @Override
    @Transactional
    public String joinWithContent(Requester requester, String roomIdOrAlias, JsonObject requested) {
        JsonObject.Builder content = JoinContent.from(requested, "join");
        String roomId = resolve(roomIdOrAlias);
        String self = requester.userId().toString();
        if ("join".equals(access.membership(roomId, self).orElse(null))) {
            return roomId;
        }
        var directInvite = access.stateEvent(roomId, StateKey.member(self))
                .filter(invite -> DirectChats.isDirectInvite(invite.content()));
        if (requester.guest()) {
            // Synapse: guests are a local concept, checked here rather than in the event auth rules.
            if (!GuestAccess.letsGuestsJoin(access.stateContent(roomId, GuestAccess.KEY).orElse(null))) {
                throw DomainException.forbidden("Guest access not allowed");
            }
            content.put("kind", "guest");
        }
        change(roomId, requester, self, profiles.withProfile(requester.userId(), content));
        forgotten.remember(self, roomId);
        directInvite.ifPresent(invite -> directInvitesAccepted.fire(
                new DirectInviteAccepted(requester, roomId, invite.sender())));
        return roomId;
    }

    @Override
    @Transactional
    public void leave(Requester requester, String roomId, String reason) {
        if (requester.tokenId() != null) {
            // The user's own request (the server acting for them, e.g. a room deletion, has no token) may not take
            // them out of their server-notices room, nor reject its invite.
            ServerNoticeRoom.ensureMayLeave(
                    noticeRooms.roomOf(requester.userId()).filter(roomId::equals).isPresent());
        }
        change(roomId, requester, requester.userId().toString(), content("leave", reason));
    }

    @Override
    @Transactional
    public void invite(Requester requester, String roomId, String userId, String reason) {
        UserId target = target(userId);
        if (target.isLocalTo(settings.serverName()) && accounts.find(target).filter(a -> !a.deactivated()).isEmpty()) {
            throw DomainException.notFound("Unknown user " + userId);
        }
        ensureNotBlocked(roomId);
        JsonObject.Builder content = JsonObject.builder().put("membership", "invite");
        if (reason != null) {
            content.put("reason", reason);
        }
        change(roomId, requester, target.toString(), profiles.inviteContent(target, content));
    }

    @Override
    @Transactional
    public void kick(Requester requester, String roomId, String userId, String reason) {
        String target = target(userId).toString();
        String current = access.membership(roomId, target).orElse("leave");
        if (!Membership.isPresent(current)) {
            throw DomainException.forbidden("The user is not in the room");
        }
        change(roomId, requester, target, content("leave", reason));
    }

    @Override
    @Transactional
    public void ban(Requester requester, String roomId, String userId, String reason) {
        change(roomId, requester, target(userId).toString(), content("ban", reason));
    }

    @Override
    @Transactional
    public void unban(Requester requester, String roomId, String userId, String reason) {
        String target = target(userId).toString();
        if (!"ban".equals(access.membership(roomId, target).orElse(null))) {
            throw DomainException.forbidden("The user is not banned");
        }
        change(roomId, requester, target, content("leave", reason));
    }

    @Override
    @Transactional
    public void forget(Requester requester, String roomId) {
        String userId = requester.userId().toString();
        String current = access.membership(roomId, userId)
                .orElseThrow(() -> DomainException.notFound("You have never been in room " + roomId));
        if (Membership.isPresent(current)) {
            throw new DomainException(ErrorKind.UNKNOWN, "You are still in the room: leave it before forgetting it");
        }
        forgotten.forget(userId, roomId);
    }

    @Override
    @Transactional
    public String knock(Requester requester, String roomIdOrAlias, String reason) {
        String roomId = resolve(roomIdOrAlias);
        change(roomId, requester, requester.userId().toString(),
                profiles.withProfile(requester.userId(), builder("knock", reason)));
        return roomId;
    }

    private void change(String roomId, Requester requester, String target, JsonObject content) {
        writer.append(roomId, EventDraft.state("m.room.member", target, requester.userId().toString(), content),
                clock.instant());
        String membership = content.string("membership").orElse("");
        if (membership.equals("leave") || membership.equals("ban")) {
            typing.leftRoom(roomId, target); // whoever leaves stops typing there (as Synapse does)
        }
    }

    /** The room to join or knock on; a room a server admin blocked is refused first (Synapse's answer). */
    private String resolve(String roomIdOrAlias) {
        if (roomIdOrAlias.startsWith("#")) {
            String roomId = aliases.roomOf(roomIdOrAlias)
                    .orElseThrow(() -> DomainException.notFound("Room alias " + roomIdOrAlias + " not found"));
            ensureNotBlocked(roomId);
            return roomId;
        }
        if (!roomIdOrAlias.startsWith("!")) {
            throw DomainException.invalidParam(roomIdOrAlias + " is neither a room id nor an alias");
        }
        ensureNotBlocked(roomIdOrAlias);
        access.version(roomIdOrAlias);
        return roomIdOrAlias;
    }

    private void ensureNotBlocked(String roomId) {
        if (blocked.isBlocked(roomId)) {
            throw DomainException.forbidden("This room has been blocked on this server");
        }
    }

    private static UserId target(String userId) {
        if (userId == null) {
            throw DomainException.missingParam("Missing user_id");
        }
        try {
            return UserId.parse(userId);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + userId);
        }
    }

    private static JsonObject content(String reason) {
        return reason == null ? JsonObject.EMPTY : JsonObject.builder().put("reason", reason).build();
    }

    private static JsonObject content(String membership, String reason) {
        return builder(membership, reason).build();
    }

    private static JsonObject.Builder builder(String membership, String reason) {
        JsonObject.Builder content = JsonObject.builder().put("membership", membership);
        if (reason != null) {
            content.put("reason", reason);
        }
        return content;
    }
}
