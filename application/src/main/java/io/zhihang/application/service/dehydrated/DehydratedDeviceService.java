package io.zhihang.application.service.dehydrated;

import io.zhihang.application.port.in.dehydrated.DehydratedDeviceEventsUseCase;
import io.zhihang.application.port.in.dehydrated.DehydratedEvents;
import io.zhihang.application.port.in.dehydrated.ManageDehydratedDeviceUseCase;
import io.zhihang.application.port.in.dehydrated.StoreDehydratedDeviceCommand;
import io.zhihang.application.port.in.keys.UploadKeysUseCase;
import io.zhihang.application.port.out.dehydrated.DehydratedDeviceStore;
import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.dehydrated.DehydratedDevice;
import io.zhihang.domain.dehydrated.InboxToken;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Dehydrated devices (MSC3814, as Synapse serves it). The device is an ordinary device of the user without an access
 * token: its keys are uploaded through the key use case, it shows in {@code /keys/query} and {@code /devices}, and
 * to-device messages reach its inbox. Replacing or deleting it deletes it like any device ({@link DevicesChanged}),
 * so its keys and messages go with it; deleting it another way forgets it as the dehydrated device.
 */
@ApplicationScoped
public class DehydratedDeviceService implements ManageDehydratedDeviceUseCase, DehydratedDeviceEventsUseCase {
    private final DehydratedDeviceStore store;
    private final UploadKeysUseCase keys;
    private final DeviceInbox inbox;
    private final Event<DevicesChanged> deviceChanges;

    public DehydratedDeviceService(DehydratedDeviceStore store, UploadKeysUseCase keys, DeviceInbox inbox,
                                   Event<DevicesChanged> deviceChanges) {
        this.store = store;
        this.keys = keys;
        this.inbox = inbox;
        this.deviceChanges = deviceChanges;
    }

    @Override
    @Transactional
    public DeviceId store(Requester requester, StoreDehydratedDeviceCommand command) {
        UserId user = requester.userId();
        DeviceId id = command.device().device();
        Device device = new Device(user, id, command.displayName(), null, null);
        store.lockUser(user);
        store.find(user).ifPresent(old -> deleteDevice(user, old.device()));
        if (store.deviceExists(user, id)) {
            throw DomainException.invalidParam("Device " + id + " exists and is not a dehydrated device");
        }
        store.create(device, command.device());
        deviceChanges.fire(DevicesChanged.added(user, id));
        keys.uploadFor(user, id, command.keys());
        return id;
    }

    @Override
    @Transactional
    public DehydratedDevice get(Requester requester) {
        return store.find(requester.userId())
                .orElseThrow(() -> DomainException.notFound("No dehydrated device available"));
    }

    @Override
    @Transactional
    public DeviceId delete(Requester requester) {
        UserId user = requester.userId();
        store.lockUser(user);
        DehydratedDevice device = store.find(user)
                .orElseThrow(() -> DomainException.notFound("No dehydrated device available"));
        deleteDevice(user, device.device());
        return device.device();
    }

    private void deleteDevice(UserId user, DeviceId device) {
        store.delete(user, device);
        deviceChanges.fire(DevicesChanged.removed(user, List.of(device)));
    }

    @Override
    @Transactional
    public DehydratedEvents events(Requester requester, DeviceId device, InboxToken from, int limit) {
        DehydratedDevice current = store.find(requester.userId())
                .orElseThrow(() -> DomainException.forbidden("No dehydrated device exists"));
        if (!current.device().equals(device)) {
            throw DomainException.forbidden("You may only fetch messages for your dehydrated device");
        }
        List<DeviceInbox.Stored> read = inbox.pending(requester.userId().toString(), device.value(),
                from.position(), Long.MAX_VALUE, limit + 1); // positions commit in order: none can appear below
        List<DeviceInbox.Stored> page = read.subList(0, Math.min(limit, read.size()));
        InboxToken next = page.isEmpty() ? from : new InboxToken(page.getLast().position());
        return new DehydratedEvents(page.stream().map(DehydratedDeviceService::event).toList(), next,
                read.size() > limit);
    }

    /** The user's dehydrated device was deleted as a device (logout of all devices, DELETE /devices/…). */
    void onDevicesChanged(@Observes DevicesChanged change) {
        if (!change.removed().isEmpty()) {
            store.forget(change.user(), change.removed());
        }
    }

    private static JsonObject event(DeviceInbox.Stored message) {
        return JsonObject.builder().put("sender", message.sender()).put("type", message.type())
                .put("content", Json.parseClientData(message.content())).build();
    }
}
