package io.zhihang.application.fakes;

import io.zhihang.application.port.out.ErasedUsers;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

public class InMemoryErasedUsers implements ErasedUsers {
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    @Override
    public void erase(UserId user, Instant at) {
        erased.add(user.toString());
    }

    @Override
    public Set<String> erasedAmong(Collection<String> userIds) {
        return userIds.stream().filter(erased::contains).collect(Collectors.toUnmodifiableSet());
    }
}
