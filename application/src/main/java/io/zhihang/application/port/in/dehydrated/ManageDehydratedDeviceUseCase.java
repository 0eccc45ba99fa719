package io.zhihang.application.port.in.dehydrated;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.shared.DeviceId;

/** The caller's dehydrated device (MSC3814): store (replacing the previous one), read, delete. */
public interface ManageDehydratedDeviceUseCase {
    /**
     * Deletes the caller's dehydrated device, if any, with its keys and messages, then creates the new one (a device
     * without access token) and stores its keys, all in one transaction. Returns the new device's id.
     */
    DeviceId store(Requester requester, StoreDehydratedDeviceCommand command);

    /** The caller's dehydrated device; {@code M_NOT_FOUND} when there is none. */
    DehydratedDevice get(Requester requester);

    /** Deletes the caller's dehydrated device as any device is deleted; {@code M_NOT_FOUND} when there is none. */
    DeviceId delete(Requester requester);
}
