package io.zhihang.adapter.persistence.todevice;

import java.io.Serializable;

/** Composite id of {@link ToDeviceTxnEntity}. */
public record ToDeviceTxnKey(String userId, String deviceId, String txnId) implements Serializable {
}
