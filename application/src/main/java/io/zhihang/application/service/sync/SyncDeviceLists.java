package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.devicelist.DeviceListStore;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.stream.MembershipCache;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code device_lists} between two tokens (also {@code GET /keys/changes}): {@code changed} names the users whose
 * devices or keys changed and who share a room with the viewer, plus users the viewer newly shares a room with;
 * {@code left} names users the viewer no longer shares any room with. Membership is looked at only in rooms whose
 * membership changed in the range (the room stream's change cache knows which).
 */
@ApplicationScoped
public class SyncDeviceLists {
    private static final String MEMBER = "m.room.member";
    private static final String JOIN = "join";

    private final DeviceListStore store;
    private final RoomStream stream;
    private final EventStore events;
    private final RoomStateStore state;

    public SyncDeviceLists(DeviceListStore store, RoomStream stream, EventStore events, RoomStateStore state) {
        this.store = store;
        this.stream = stream;
        this.events = events;
        this.state = state;
    }

    public SyncResult.DeviceLists between(String viewer, List<MembershipCache.Member> memberships, SyncToken since,
                                          SyncToken upTo) {
        Set<String> changed = new LinkedHashSet<>(store.changedFor(viewer, since.deviceLists(), upTo.deviceLists()));
        Set<String> left = new LinkedHashSet<>();
        if (since.events() < upTo.events()) {
            membershipChanges(viewer, memberships, since.events(), upTo.events(), changed, left);
        }
        if (!left.isEmpty()) {
            Set<String> mates = state.roomMates(viewer);
            left.removeIf(user -> user.equals(viewer) || mates.contains(user));
            changed.removeAll(left);
        }
        if (changed.isEmpty() && left.isEmpty()) {
            return SyncResult.DeviceLists.NONE;
        }
        return new SyncResult.DeviceLists(List.copyOf(changed), List.copyOf(left));
    }

    private void membershipChanges(String viewer, List<MembershipCache.Member> memberships, long since, long upTo,
                                   Set<String> changed, Set<String> left) {
        List<String> candidates = new ArrayList<>();
        for (MembershipCache.Member m : memberships) {
            if (JOIN.equals(m.membership().membership()) || m.ordering() > since) {
                candidates.add(m.membership().roomId());
            }
        }
        for (String roomId : stream.roomsWithMembershipChanges(candidates, since, upTo)) {
            Map<String, String> latest = new HashMap<>();
            for (StoredEvent e : events.stateEventsBetween(roomId, since, upTo + 1)) {
                Pdu pdu = e.pdu();
                if (MEMBER.equals(pdu.type()) && pdu.stateKey().isPresent()) {
                    latest.put(pdu.stateKey().get(), pdu.content().string("membership").orElse(""));
                }
            }
            if (latest.isEmpty()) {
                continue;
            }
            Map<String, Boolean> joinedBefore = joinedAt(roomId, latest.keySet(), since);
            Set<String> joinedNow = null;
            for (Map.Entry<String, String> entry : latest.entrySet()) {
                String user = entry.getKey();
                boolean was = joinedBefore.getOrDefault(user, false);
                boolean is = JOIN.equals(entry.getValue());
                if (was == is) {
                    continue;
                }
                if (user.equals(viewer)) {
                    joinedNow = joinedNow == null ? joined(roomId) : joinedNow;
                    for (String mate : joinedNow) {
                        if (!mate.equals(viewer)) {
                            (is ? changed : left).add(mate);
                        }
                    }
                } else {
                    (is ? changed : left).add(user);
                }
            }
        }
    }

    private Map<String, Boolean> joinedAt(String roomId, Set<String> users, long at) {
        List<StateKey> keys = users.stream().map(user -> new StateKey(MEMBER, user)).toList();
        Map<String, Boolean> out = new HashMap<>();
        events.latestStates(roomId, keys, at).forEach((key, e) ->
                out.put(key.stateKey(), JOIN.equals(e.pdu().content().string("membership").orElse(""))));
        return out;
    }

    private Set<String> joined(String roomId) {
        Set<String> out = new LinkedHashSet<>();
        state.memberships(roomId).forEach((user, membership) -> {
            if (JOIN.equals(membership)) {
                out.add(user);
            }
        });
        return out;
    }
}
