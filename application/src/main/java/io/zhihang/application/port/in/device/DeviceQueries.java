package io.zhihang.application.port.in.device;

import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DeviceId;

import java.util.List;

public interface DeviceQueries {
    List<Device> list(Requester requester);

    Device get(Requester requester, DeviceId deviceId);
}
