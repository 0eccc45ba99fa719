package io.zhihang.domain.dehydrated;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;

/**
 * A user's dehydrated device (MSC3814): a device with no access token whose encrypted state ({@code device_data},
 * opaque to the server and kept exactly as uploaded) a later login of the user may decrypt to read the to-device
 * messages that reached it meanwhile. A user has at most one.
 */
public record DehydratedDevice(DeviceId device, JsonObject data) {
    public DehydratedDevice {
        if (device == null) {
            throw DomainException.badJson("device_id must be a string");
        }
        if (data == null) {
            throw DomainException.badJson("device_data must be an object");
        }
        if (data.string("algorithm").isEmpty()) {
            throw DomainException.badJson("device_data.algorithm must be a string");
        }
    }
}
