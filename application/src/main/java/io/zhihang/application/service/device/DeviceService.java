package io.zhihang.application.service.device;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.in.device.DeviceQueries;
import io.zhihang.application.port.in.device.ManageDevicesUseCase;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.service.auth.UserInteractiveAuth;
import io.zhihang.application.service.devicelist.DeviceRenamed;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A user's own devices. Deleting one revokes its tokens in the same transaction. */
@ApplicationScoped
public class DeviceService implements DeviceQueries, ManageDevicesUseCase {
    private final DeviceRepository devices;
    private final AccessTokenRepository tokens;
    private final UserInteractiveAuth uia;
    private final InstantSource clock;
    private final Event<DevicesChanged> deviceChanges;
    private final Event<DeviceRenamed> renames;

    public DeviceService(DeviceRepository devices, AccessTokenRepository tokens, UserInteractiveAuth uia,
                         InstantSource clock, Event<DevicesChanged> deviceChanges, Event<DeviceRenamed> renames) {
        this.devices = devices;
        this.tokens = tokens;
        this.uia = uia;
        this.clock = clock;
        this.deviceChanges = deviceChanges;
        this.renames = renames;
    }

    @Override
    @Transactional
    public List<Device> list(Requester requester) {
        return devices.listFor(requester.userId());
    }

    @Override
    @Transactional
    public Device get(Requester requester, DeviceId deviceId) {
        return devices.find(requester.userId(), deviceId)
                .orElseThrow(() -> DomainException.notFound("Device not found"));
    }

    @Override
    @Transactional
    public void rename(Requester requester, DeviceId deviceId, String displayName) {
        Device device = get(requester, deviceId);
        devices.save(device.renamed(displayName));
        renames.fire(new DeviceRenamed(requester.userId(), deviceId));
    }

    @Override
    @Transactional(dontRollbackOn = UiaRequiredException.class)
    public void delete(Requester requester, List<DeviceId> deviceIds, UiaAuth auth) {
        uia.authorize("delete_devices", requester.userId(), UserInteractiveAuth.passwordFlow(), auth,
                clock.instant());
        List<DeviceId> removed = new ArrayList<>();
        for (DeviceId deviceId : deviceIds) {
            tokens.deleteForDevice(requester.userId(), deviceId);
            if (devices.find(requester.userId(), deviceId).isPresent()) {
                devices.delete(requester.userId(), deviceId);
                removed.add(deviceId);
            }
        }
        if (!removed.isEmpty()) {
            deviceChanges.fire(DevicesChanged.removed(requester.userId(), removed));
        }
    }
}
