package io.zhihang.application.fakes;

import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Devices in a map keyed by user and device id, for tests. */
public class InMemoryDeviceRepository implements DeviceRepository {
    private record Key(UserId userId, DeviceId deviceId) {
    }

    private final Map<Key, Device> devices = new ConcurrentHashMap<>();

    @Override
    public Optional<Device> find(UserId userId, DeviceId deviceId) {
        return Optional.ofNullable(devices.get(new Key(userId, deviceId)));
    }

    @Override
    public List<Device> listFor(UserId userId) {
        return devices.values().stream()
                .filter(d -> d.userId().equals(userId))
                .sorted(Comparator.comparing(d -> d.deviceId().value()))
                .toList();
    }

    @Override
    public void save(Device device) {
        devices.put(new Key(device.userId(), device.deviceId()), device);
    }

    @Override
    public void delete(UserId userId, DeviceId deviceId) {
        devices.remove(new Key(userId, deviceId));
    }

    @Override
    public List<DeviceId> deleteAllExcept(UserId userId, DeviceId keep) {
        List<DeviceId> deleted = new ArrayList<>();
        for (Device device : listFor(userId)) {
            if (!device.deviceId().equals(keep)) {
                devices.remove(new Key(userId, device.deviceId()));
                deleted.add(device.deviceId());
            }
        }
        return deleted;
    }
}
