package io.zhihang.application.fakes;

import io.zhihang.application.port.out.admin.ShadowBans;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryShadowBans implements ShadowBans {
    private final Set<UserId> banned = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isShadowBanned(UserId userId) {
        return banned.contains(userId);
    }

    @Override
    public void ban(UserId userId, Instant at) {
        banned.add(userId);
    }

    @Override
    public void unban(UserId userId) {
        banned.remove(userId);
    }
}
