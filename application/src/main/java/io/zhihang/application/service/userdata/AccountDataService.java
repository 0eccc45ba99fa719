package io.zhihang.application.service.userdata;

import io.zhihang.application.port.in.userdata.AccountDataUseCase;
import io.zhihang.application.port.in.userdata.RoomTagsUseCase;
import io.zhihang.application.port.in.userdata.ServerAccountDataUseCase;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.AccountDataTypes;
import io.zhihang.domain.userdata.IgnoredUsers;
import io.zhihang.domain.userdata.RoomTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Account data and room tags (the room account data {@code m.tag}). Every write wakes the user's sync. */
@ApplicationScoped
public class AccountDataService implements AccountDataUseCase, RoomTagsUseCase, ServerAccountDataUseCase {
    private final AccountDataRepository accountData;
    private final RoomAccess access;
    private final Event<SyncActivity> syncActivity;
    private final Event<UsersIgnored> usersIgnored;

    public AccountDataService(AccountDataRepository accountData, RoomAccess access, Event<SyncActivity> syncActivity,
                              Event<UsersIgnored> usersIgnored) {
        this.accountData = accountData;
        this.access = access;
        this.syncActivity = syncActivity;
        this.usersIgnored = usersIgnored;
    }

    @Override
    @Transactional
    public JsonObject get(Requester requester, String userId, String roomId, String type) {
        OwnData.ensureOwner(requester, userId, "get account data");
        String room = OwnData.roomId(roomId);
        return accountData.find(userId, room, type).orElseThrow(() -> DomainException.notFound(
                room == null ? "Account data not found" : "Room account data not found"));
    }

    @Override
    @Transactional
    public void put(Requester requester, String userId, String roomId, String type, JsonObject content) {
        OwnData.ensureOwner(requester, userId, "add account data");
        String room = OwnData.roomId(roomId);
        AccountDataTypes.ensureClientMayWrite(type);
        accountData.lockStream();
        if (room == null && IgnoredUsers.TYPE.equals(type)) {
            noticeNewlyIgnored(userId, content);
        }
        write(userId, room, type, content);
    }

    /** Users a client's new ignore list adds (a block, seen from Element's side) are told to the friend layer. */
    private void noticeNewlyIgnored(String userId, JsonObject content) {
        IgnoredUsers before = accountData.find(userId, null, IgnoredUsers.TYPE).map(IgnoredUsers::of)
                .orElse(IgnoredUsers.NONE);
        Set<String> added = new HashSet<>(IgnoredUsers.of(content).userIds());
        added.removeAll(before.userIds());
        if (!added.isEmpty()) {
            usersIgnored.fire(new UsersIgnored(UserId.parse(userId), added));
        }
    }

    @Override
    @Transactional
    public void delete(Requester requester, String userId, String roomId, String type) {
        OwnData.ensureOwner(requester, userId, "delete account data");
        String room = OwnData.roomId(roomId);
        AccountDataTypes.ensureClientMayWrite(type);
        accountData.lockStream();
        if (accountData.find(userId, room, type).isPresent()) {
            write(userId, room, type, null);
        }
    }

    @Override
    @Transactional
    public void put(UserId user, String type, JsonObject content) {
        accountData.lockStream();
        if (!accountData.find(user.toString(), null, type).filter(content::equals).isPresent()) {
            write(user.toString(), null, type, content);
        }
    }

    @Override
    @Transactional
    public JsonObject tags(Requester requester, String userId, String roomId) {
        OwnData.ensureOwner(requester, userId, "get tags");
        String room = OwnData.roomId(roomId);
        return currentTags(userId, room).tags();
    }

    @Override
    @Transactional
    public void putTag(Requester requester, String userId, String roomId, String tag, JsonObject info) {
        OwnData.ensureOwner(requester, userId, "add tags");
        String room = OwnData.roomId(roomId);
        RoomTags.NONE.with(tag, info); // the tag and its info are checked before anything is read
        if (access.membership(room, userId).isEmpty()) {
            // As Synapse: tagging a room one has nothing to do with is refused.
            throw DomainException.forbidden("User " + userId + " has no membership in room " + room);
        }
        changeTags(userId, room, tags -> tags.with(tag, info));
    }

    @Override
    @Transactional
    public void deleteTag(Requester requester, String userId, String roomId, String tag) {
        OwnData.ensureOwner(requester, userId, "remove tags");
        String room = OwnData.roomId(roomId);
        changeTags(userId, room, tags -> tags.without(tag));
    }

    private void changeTags(String userId, String roomId, UnaryOperator<RoomTags> change) {
        accountData.lockStream();
        RoomTags before = currentTags(userId, roomId);
        RoomTags after = change.apply(before);
        if (!after.equals(before)) {
            write(userId, roomId, AccountDataTypes.TAG, after.content());
        }
    }

    private RoomTags currentTags(String userId, String roomId) {
        return accountData.find(userId, roomId, AccountDataTypes.TAG).map(RoomTags::of).orElse(RoomTags.NONE);
    }

    private void write(String userId, String roomId, String type, JsonObject content) {
        accountData.save(userId, roomId, type, content);
        syncActivity.fire(SyncActivity.ofUser(userId));
    }
}
