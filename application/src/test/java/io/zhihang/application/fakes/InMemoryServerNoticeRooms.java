package io.zhihang.application.fakes;

import io.zhihang.application.port.out.admin.ServerNoticeRooms;
import io.zhihang.domain.shared.UserId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Server-notices rooms in a map, for tests. */
public class InMemoryServerNoticeRooms implements ServerNoticeRooms {
    private final Map<UserId, String> rooms = new ConcurrentHashMap<>();

    @Override
    public Optional<String> roomOf(UserId user) {
        return Optional.ofNullable(rooms.get(user));
    }

    @Override
    public void remember(UserId user, String roomId) {
        rooms.put(user, roomId);
    }
}
