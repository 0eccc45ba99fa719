package io.zhihang.application.port.in.dehydrated;

import io.zhihang.application.port.in.keys.KeyUpload;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.shared.DomainException;

/**
 * {@code PUT /dehydrated_device}: the device and its data, an optional display name, and the device's keys, which
 * must include its identity keys ({@code device_keys}, as Synapse demands).
 */
public record StoreDehydratedDeviceCommand(DehydratedDevice device, String displayName, KeyUpload keys) {
    public StoreDehydratedDeviceCommand {
        if (device == null) {
            throw DomainException.badJson("Missing device_id or device_data");
        }
        if (keys == null || keys.deviceKeys() == null) {
            throw DomainException.badJson("Device key(s) not found, these must be provided");
        }
        if (keys.pathDevice() != null) {
            throw new IllegalArgumentException("A dehydrated device's keys name no path device");
        }
    }
}
