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
