package io.zhihang.adapter.persistence.room;

import java.io.Serializable;

/** Composite id of {@link TxnIdEntity}. */
public record TxnIdKey(String userId, String deviceId, String txnId) implements Serializable {
}
