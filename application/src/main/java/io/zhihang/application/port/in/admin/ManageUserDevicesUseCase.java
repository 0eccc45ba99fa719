package io.zhihang.application.port.in.admin;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/** A server admin renames or deletes any local user's devices (no User-Interactive Authentication). */
public interface ManageUserDevicesUseCase {
    void rename(AdminCaller caller, UserId user, DeviceId deviceId, String displayName);

    /** Deletes the devices and their access tokens; unknown device ids are ignored, as Synapse does. */
    void delete(AdminCaller caller, UserId user, List<DeviceId> deviceIds);
}
