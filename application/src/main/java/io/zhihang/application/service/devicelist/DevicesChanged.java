package io.zhihang.application.service.devicelist;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/**
 * Devices of a user were created or deleted. Fired synchronously inside the transaction that made the change, so
 * observers (device keys, to-device inboxes, the device-list stream) change their data in the same commit.
 */
public record DevicesChanged(UserId user, List<DeviceId> added, List<DeviceId> removed) {
    public DevicesChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static DevicesChanged added(UserId user, DeviceId device) {
        return new DevicesChanged(user, List.of(device), List.of());
    }

    public static DevicesChanged removed(UserId user, List<DeviceId> devices) {
        return new DevicesChanged(user, List.of(), devices);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
