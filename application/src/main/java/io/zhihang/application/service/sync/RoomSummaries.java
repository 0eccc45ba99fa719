package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * A room's {@code summary} (what a client needs to name a room without every member event): joined and invited
 * counts, and up to five heroes when the room has neither a name nor a canonical alias (Synapse's rule): joined or
 * invited members other than the user, else those who left.
 */
@ApplicationScoped
public class RoomSummaries {
    private static final int HEROES = 5;
    private static final StateKey NAME = new StateKey("m.room.name", "");
    private static final StateKey ALIAS = new StateKey("m.room.canonical_alias", "");

    private final RoomStateStore state;
    private final RoomAccess access;

    public RoomSummaries(RoomStateStore state, RoomAccess access) {
        this.state = state;
        this.access = access;
    }

    SyncResult.Summary summary(String roomId, String userId, Map<StateKey, String> current) {
        Map<String, String> members = state.memberships(roomId);
        long joined = members.values().stream().filter("join"::equals).count();
        long invited = members.values().stream().filter("invite"::equals).count();
        if (named(roomId, current)) {
            return new SyncResult.Summary(null, joined, invited);
        }
        List<String> heroes = members.entrySet().stream()
                .filter(e -> !e.getKey().equals(userId))
                .filter(e -> "join".equals(e.getValue()) || "invite".equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().limit(HEROES).toList();
        if (heroes.isEmpty()) {
            heroes = members.entrySet().stream()
                    .filter(e -> !e.getKey().equals(userId))
                    .filter(e -> "leave".equals(e.getValue()) || "ban".equals(e.getValue()))
                    .map(Map.Entry::getKey).sorted().limit(HEROES).toList();
        }
        return new SyncResult.Summary(heroes, joined, invited);
    }

    private boolean named(String roomId, Map<StateKey, String> current) {
        if (!current.containsKey(NAME) && !current.containsKey(ALIAS)) {
            return false;
        }
        Map<StateKey, JsonObject> contents = access.stateContents(roomId, List.of(NAME, ALIAS));
        boolean hasName = contents.getOrDefault(NAME, JsonObject.EMPTY).string("name").filter(n -> !n.isEmpty())
                .isPresent();
        boolean hasAlias = contents.getOrDefault(ALIAS, JsonObject.EMPTY).string("alias").filter(a -> !a.isEmpty())
                .isPresent();
        return hasName || hasAlias;
    }
}
