package io.zhihang.application.port.out;

import io.zhihang.domain.account.Device;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Optional;

/** Devices of local users. Deleting a device does not delete its tokens: see {@link AccessTokenRepository}. */
public interface DeviceRepository {
    Optional<Device> find(UserId userId, DeviceId deviceId);

    List<Device> listFor(UserId userId);

    /** Inserts or updates. */
    void save(Device device);

    void delete(UserId userId, DeviceId deviceId);

    /** Deletes every device of the user but {@code keep} (null keeps none); returns the ids deleted. */
    List<DeviceId> deleteAllExcept(UserId userId, DeviceId keep);
}
