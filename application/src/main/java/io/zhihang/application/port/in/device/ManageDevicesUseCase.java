package io.zhihang.application.port.in.device;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DeviceId;

import java.util.List;

/** Renaming and deleting one's devices; deleting needs User-Interactive Authentication. */
public interface ManageDevicesUseCase {
    void rename(Requester requester, DeviceId deviceId, String displayName);

    void delete(Requester requester, List<DeviceId> deviceIds, UiaAuth auth);
}
