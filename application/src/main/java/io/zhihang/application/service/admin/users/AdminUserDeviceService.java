package io.zhihang.application.service.admin.users;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.AdminCaller;
import io.zhihang.application.port.in.admin.ManageUserDevicesUseCase;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.devicelist.DeviceRenamed;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** A server admin's hand on any local user's devices: rename, delete (with their access tokens). */
@ApplicationScoped
public class AdminUserDeviceService implements ManageUserDevicesUseCase {
    private final AccountRepository accounts;
    private final DeviceRepository devices;
    private final AccessTokenRepository tokens;
    private final AdminAudit audit;
    private final HomeserverSettings settings;
    private final Event<DevicesChanged> deviceChanges;
    private final Event<DeviceRenamed> renames;

    public AdminUserDeviceService(AccountRepository accounts, DeviceRepository devices, AccessTokenRepository tokens,
                                  AdminAudit audit, HomeserverSettings settings, Event<DevicesChanged> deviceChanges,
                                  Event<DeviceRenamed> renames) {
        this.accounts = accounts;
        this.devices = devices;
        this.tokens = tokens;
        this.audit = audit;
        this.settings = settings;
        this.deviceChanges = deviceChanges;
        this.renames = renames;
    }

    @Override
    @Transactional
    public void rename(AdminCaller caller, UserId user, DeviceId deviceId, String displayName) {
        caller.admin().ensureAdmin();
        ensureKnown(user);
        Device device = devices.find(user, deviceId).orElseThrow(() -> DomainException.notFound("Device not found"));
        if (displayName != null) {
            devices.save(device.renamed(displayName));
            renames.fire(new DeviceRenamed(user, deviceId));
        }
        audit.record(caller.admin(), caller.ip(), "rename_device", user.toString(),
                JsonObject.builder().put("device_id", deviceId.value()).build());
    }

    @Override
    @Transactional
    public void delete(AdminCaller caller, UserId user, List<DeviceId> deviceIds) {
        caller.admin().ensureAdmin();
        ensureKnown(user);
        List<DeviceId> removed = new ArrayList<>();
        for (DeviceId deviceId : deviceIds) {
            tokens.deleteForDevice(user, deviceId);
            if (devices.find(user, deviceId).isPresent()) {
                devices.delete(user, deviceId);
                removed.add(deviceId);
            }
        }
        if (!removed.isEmpty()) {
            deviceChanges.fire(DevicesChanged.removed(user, removed));
        }
        audit.record(caller.admin(), caller.ip(), "delete_devices", user.toString(), JsonObject.builder()
                .put("devices", new JsonArray(removed.stream().<JsonValue>map(d -> new JsonString(d.value())).toList())).build());
    }

    private void ensureKnown(UserId user) {
        if (!user.isLocalTo(settings.serverName())) {
            throw DomainException.invalidParam("Can only look up local users");
        }
        if (!accounts.exists(user)) {
            throw DomainException.notFound("User not found");
        }
    }
}
