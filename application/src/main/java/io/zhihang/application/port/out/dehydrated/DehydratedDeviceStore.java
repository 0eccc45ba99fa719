package io.zhihang.application.port.out.dehydrated;

import io.zhihang.domain.account.Device;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.Collection;
import java.util.Optional;

/**
 * Which device of a user is their dehydrated device, and its data. The device itself is an ordinary row among the
 * user's devices, written here so that deleting the previous one and creating the next (possibly under the same id,
 * as when a client retries) take effect in the order called, before the keys of the new device are stored.
 */
public interface DehydratedDeviceStore {
    /** Holds the user's row until commit: a user's dehydrated-device changes run one at a time. */
    void lockUser(UserId user);

    Optional<DehydratedDevice> find(UserId user);

    /** Whether the user has a device (of any kind) with this id. */
    boolean deviceExists(UserId user, DeviceId device);

    /** Creates the device and records it as the user's dehydrated device (the user has none). */
    void create(Device device, DehydratedDevice dehydrated);

    /** Deletes the user's dehydrated device and the record of it (nothing else of the device). */
    void delete(UserId user, DeviceId device);

    /** Forgets the user's dehydrated device if it is one of these devices (they were deleted another way). */
    void forget(UserId user, Collection<DeviceId> devices);
}
