package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Transaction ids keyed by (user, device, txnId), for tests. Saving a key twice fails, like the primary key. */
public class InMemoryTxnIdStore implements TxnIdStore {
    private record Key(UserId userId, DeviceId deviceId, String txnId) {
    }

    private final Map<Key, String> eventIds = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(UserId userId, DeviceId deviceId, String txnId) {
        return Optional.ofNullable(eventIds.get(new Key(userId, deviceId, txnId)));
    }

    @Override
    public void save(UserId userId, DeviceId deviceId, String txnId, String eventId, Instant now) {
        if (eventIds.putIfAbsent(new Key(userId, deviceId, txnId), eventId) != null) {
            throw new IllegalStateException("Duplicate transaction id " + txnId);
        }
    }

    @Override
    public Map<String, String> txnIdsOf(UserId userId, DeviceId deviceId, java.util.Collection<String> ids) {
        Map<String, String> out = new java.util.HashMap<>();
        eventIds.forEach((key, eventId) -> {
            if (key.userId().equals(userId) && key.deviceId().equals(deviceId) && ids.contains(eventId)) {
                out.put(eventId, key.txnId());
            }
        });
        return out;
    }

    public int size() {
        return eventIds.size();
    }
}
