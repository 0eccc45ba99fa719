package io.zhihang.application.service.sync;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.UserMembership;
import io.zhihang.application.service.stream.MembershipCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A user's membership in every room they have one in, with the stream ordering of each: cached, else loaded. */
@ApplicationScoped
public class UserMemberships {
    private final MembershipCache cache;
    private final RoomStateStore state;
    private final EventStore events;

    public UserMemberships(MembershipCache cache, RoomStateStore state, EventStore events) {
        this.cache = cache;
        this.state = state;
        this.events = events;
    }

    public List<MembershipCache.Member> of(String userId) {
        List<MembershipCache.Member> cached = cache.get(userId);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        List<UserMembership> memberships = state.membershipsOf(userId);
        Map<String, Long> orderings = new HashMap<>();
        events.findAll(memberships.stream().map(UserMembership::eventId).toList())
                .forEach(e -> orderings.put(e.pdu().eventId(), e.streamOrdering()));
        List<MembershipCache.Member> loaded = memberships.stream().filter(m -> orderings.containsKey(m.eventId()))
                .map(m -> new MembershipCache.Member(m, orderings.get(m.eventId()))).toList();
        cache.put(userId, loaded, generation);
        return loaded;
    }
}
