package io.zhihang.application.port.out.keys;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

/** A device's keys as uploaded, with the device's display name (null when it has none). */
public record StoredDeviceKeys(UserId user, DeviceId device, JsonObject keys, String displayName) {
}
