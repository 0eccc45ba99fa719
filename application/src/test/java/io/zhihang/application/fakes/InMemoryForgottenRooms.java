package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.ForgottenRooms;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Forgotten rooms in a set, for tests. */
public class InMemoryForgottenRooms implements ForgottenRooms {
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    @Override
    public void forget(String userId, String roomId) {
        forgotten.add(userId + "|" + roomId);
    }

    @Override
    public void remember(String userId, String roomId) {
        forgotten.remove(userId + "|" + roomId);
    }

    @Override
    public boolean isForgotten(String userId, String roomId) {
        return forgotten.contains(userId + "|" + roomId);
    }
}
