package io.zhihang.adapter.persistence.todevice;

import java.io.Serializable;

/** Composite id of {@link DeviceInboxEntity}. */
public record DeviceInboxKey(String userId, String deviceId, long streamId) implements Serializable {
}
