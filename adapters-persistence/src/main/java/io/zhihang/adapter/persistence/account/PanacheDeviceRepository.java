package io.zhihang.adapter.persistence.account;

import io.quarkus.panache.common.Sort;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PanacheDeviceRepository implements DeviceRepository {
    private final DevicePanacheRepo repo;

    PanacheDeviceRepository(DevicePanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<Device> find(UserId userId, DeviceId deviceId) {
        return repo.findByIdOptional(new DeviceKey(userId.toString(), deviceId.value())).map(e -> toDomain(e, userId));
    }

    @Override
    public List<Device> listFor(UserId userId) {
        return repo.list("userId", Sort.by("deviceId"), userId.toString()).stream()
                .map(e -> toDomain(e, userId))
                .toList();
    }

    @Override
    public void save(Device device) {
        DeviceEntity entity = repo.findById(new DeviceKey(device.userId().toString(), device.deviceId().value()));
        boolean fresh = entity == null;
        if (fresh) {
            entity = new DeviceEntity();
            entity.userId = device.userId().toString();
            entity.deviceId = device.deviceId().value();
        }
        entity.displayName = device.displayName();
        entity.lastSeenIp = device.lastSeenIp();
        entity.lastSeenTs = device.lastSeenTs();
        if (fresh) {
            repo.persist(entity);
        }
    }

    @Override
    public void delete(UserId userId, DeviceId deviceId) {
        repo.deleteById(new DeviceKey(userId.toString(), deviceId.value()));
    }

    @Override
    public List<DeviceId> deleteAllExcept(UserId userId, DeviceId keep) {
        List<DeviceId> doomed = listFor(userId).stream()
                .map(Device::deviceId)
                .filter(id -> !id.equals(keep))
                .toList();
        doomed.forEach(id -> delete(userId, id));
        return doomed;
    }

    private static Device toDomain(DeviceEntity e, UserId userId) {
        return new Device(userId, new DeviceId(e.deviceId), e.displayName, e.lastSeenIp, e.lastSeenTs);
    }
}
