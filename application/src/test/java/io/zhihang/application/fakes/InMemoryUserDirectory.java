package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.search.UserDirectory;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.search.NameSearch;
import io.zhihang.domain.shared.UserId;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The user directory computed from the account, profile, room and state fakes, as the JDBC store's query does. */
public class InMemoryUserDirectory implements UserDirectory {
    private final InMemoryAccountRepository accounts;
    private final InMemoryProfileRepository profiles;
    private final InMemoryRoomRepository rooms;
    private final InMemoryRoomStateStore state;
    private final Map<String, String> joinRules = new ConcurrentHashMap<>();
    private final Map<String, String> visibilities = new ConcurrentHashMap<>();

    public InMemoryUserDirectory(InMemoryAccountRepository accounts, InMemoryProfileRepository profiles,
                                 InMemoryRoomRepository rooms, InMemoryRoomStateStore state) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.rooms = rooms;
        this.state = state;
    }

    @Override
    public void joinRuleChanged(String roomId, String joinRule) {
        if (joinRule == null) {
            joinRules.remove(roomId);
        } else {
            joinRules.put(roomId, joinRule);
        }
    }

    @Override
    public void historyVisibilityChanged(String roomId, String historyVisibility) {
        if (historyVisibility == null) {
            visibilities.remove(roomId);
        } else {
            visibilities.put(roomId, historyVisibility);
        }
    }

    @Override
    public List<Entry> search(String searcherId, NameSearch search, int limit) {
        Set<String> visible = new HashSet<>();
        Set<String> mine = Set.copyOf(state.roomsWith(searcherId, "join"));
        for (String roomId : state.roomIds()) {
            boolean isPublic = "public".equals(joinRules.get(roomId))
                    || "world_readable".equals(visibilities.get(roomId))
                    || rooms.find(roomId).map(RoomRecord::published).orElse(false);
            if (isPublic || mine.contains(roomId)) {
                state.memberships(roomId).forEach((user, membership) -> {
                    if ("join".equals(membership)) {
                        visible.add(user);
                    }
                });
            }
        }
        return visible.stream()
                .map(UserId::parse)
                .filter(id -> accounts.find(id).filter(a -> !a.deactivated()).isPresent())
                .map(id -> {
                    Profile p = profiles.find(id).orElse(Profile.EMPTY);
                    return new Entry(id.toString(), p.displayName(), p.avatarUrl());
                })
                .filter(e -> search.matches(UserId.parse(e.userId()).localpart(), e.displayName()))
                .sorted(Comparator.comparing((Entry e) -> e.displayName() == null)
                        .thenComparing(e -> e.avatarUrl() == null)
                        .thenComparing(e -> e.displayName() == null ? "" : e.displayName().toLowerCase(Locale.ROOT))
                        .thenComparing(Entry::userId))
                .limit(limit)
                .toList();
    }
}
