package io.zhihang.adapter.persistence.account;

import java.io.Serializable;

/** Composite id of {@link DeviceEntity}. */
public record DeviceKey(String userId, String deviceId) implements Serializable {
}
