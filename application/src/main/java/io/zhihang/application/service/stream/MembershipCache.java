package io.zhihang.application.service.stream;

import io.zhihang.application.port.out.room.UserMembership;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each syncing user's memberships (room, membership, member event and its stream ordering), so an incremental sync
 * need not read them every time. Member events go through {@link RoomStream}, which drops the users they concern
 * after commit. A snapshot read while any membership changed is not kept (the generation check), so a stale read
 * never settles in. Per server instance, like the stream position.
 */
@ApplicationScoped
public class MembershipCache {
    private static final int MAX_USERS = 20_000;

    /** A user's membership in one room and the stream ordering of the member event that set it. */
    public record Member(UserMembership membership, long ordering) {
    }

    private final Map<String, List<Member>> byUser = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Member>> eldest) {
                    return size() > MAX_USERS;
                }
            });
    private final AtomicLong generation = new AtomicLong();

    /** Read before loading a snapshot from the store; pass to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    public List<Member> get(String userId) {
        return byUser.get(userId);
    }

    /** Keeps a snapshot loaded at {@code generation}, unless memberships changed meanwhile. */
    public void put(String userId, List<Member> members, long generation) {
        synchronized (byUser) {
            if (this.generation.get() == generation) {
                byUser.put(userId, List.copyOf(members));
            }
        }
    }

    /** Member events of these users committed. */
    void changed(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        synchronized (byUser) {
            generation.incrementAndGet();
            userIds.forEach(byUser::remove);
        }
    }
}
