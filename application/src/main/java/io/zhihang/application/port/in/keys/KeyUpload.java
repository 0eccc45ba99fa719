package io.zhihang.application.port.in.keys;

import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;

import java.util.List;

/**
 * A {@code /keys/upload}: identity keys (null to keep the stored ones), one-time keys and fallback keys, all of the
 * uploading device. {@code pathDevice} is the device named by the legacy {@code /keys/upload/{deviceId}} path, null
 * on the plain path.
 */
public record KeyUpload(DeviceId pathDevice, JsonObject deviceKeys, List<OneTimeKey> oneTimeKeys,
                        List<OneTimeKey> fallbackKeys) {
    public KeyUpload {
        oneTimeKeys = List.copyOf(oneTimeKeys);
        fallbackKeys = List.copyOf(fallbackKeys);
    }
}
