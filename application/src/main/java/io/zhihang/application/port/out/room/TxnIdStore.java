package io.zhihang.application.port.out.room;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/** Client transaction ids: the same (user, device, txnId) always names the same event. */
public interface TxnIdStore {
    Optional<String> find(UserId userId, DeviceId deviceId, String txnId);

    void save(UserId userId, DeviceId deviceId, String txnId, String eventId, Instant now);

    /** Event id → txn id, for those of {@code eventIds} the device sent with a transaction id. */
    java.util.Map<String, String> txnIdsOf(UserId userId, DeviceId deviceId, java.util.Collection<String> eventIds);
}
