package io.zhihang.adapter.persistence.room;

import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class PanacheTxnIdStore implements TxnIdStore {
    private final TxnIdPanacheRepo repo;

    PanacheTxnIdStore(TxnIdPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<String> find(UserId userId, DeviceId deviceId, String txnId) {
        return repo.findByIdOptional(new TxnIdKey(userId.toString(), deviceId.value(), txnId)).map(e -> e.eventId);
    }

    @Override
    public java.util.Map<String, String> txnIdsOf(UserId userId, DeviceId deviceId,
                                                  java.util.Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (TxnIdEntity e : repo.list("userId = ?1 and deviceId = ?2 and eventId in ?3", userId.toString(),
                deviceId.value(), eventIds)) {
            out.put(e.eventId, e.txnId);
        }
        return out;
    }

    @Override
    public void save(UserId userId, DeviceId deviceId, String txnId, String eventId, Instant now) {
        TxnIdEntity e = new TxnIdEntity();
        e.userId = userId.toString();
        e.deviceId = deviceId.value();
        e.txnId = txnId;
        e.eventId = eventId;
        e.createdAt = now;
        repo.persist(e);
    }
}
