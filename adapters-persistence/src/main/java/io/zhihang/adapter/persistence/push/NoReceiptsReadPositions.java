package io.zhihang.adapter.persistence.push;

import io.zhihang.application.port.out.push.ReadPositions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Read positions before read receipts exist: nothing is ever read, so every notification counts as unread. To be
 * replaced by an adapter over the receipts (the highest stream ordering of a user's {@code m.read} and
 * {@code m.read.private} receipts, unthreaded and per thread).
 */
@ApplicationScoped
public class NoReceiptsReadPositions implements ReadPositions {
    @Override
    public long readUpTo(String userId, String roomId) {
        return 0;
    }

    @Override
    public Map<String, Long> threadsReadUpTo(String userId, String roomId) {
        return Map.of();
    }
}
