package io.zhihang.application.service.todevice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per device, a position up to which its inbox is known to hold nothing, so a sync need not look. It stays true:
 * new messages always take positions after the stream's head, and a position is recorded here only once nothing at
 * or before it is left (acknowledged and deleted, or read and found absent) and the head has reached it. Bounded;
 * forgetting a device only costs a query.
 */
final class EmptyInboxes {
    private static final int MAX_DEVICES = 50_000;

    private final Map<String, Long> emptyUpTo = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_DEVICES;
        }
    });

    long upTo(String userId, String deviceId) {
        return emptyUpTo.getOrDefault(key(userId, deviceId), 0L);
    }

    void advance(String userId, String deviceId, long position) {
        emptyUpTo.merge(key(userId, deviceId), position, Math::max);
    }

    private static String key(String userId, String deviceId) {
        return userId + "|" + deviceId;
    }
}
