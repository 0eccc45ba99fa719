package io.zhihang.application.service.devicelist;

import io.zhihang.application.port.out.devicelist.DeviceListStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.stream.SyncActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the device-list stream: a user's devices (created, deleted, renamed) or keys changed (news to the user's own devices and to everyone
 * sharing a room with them), or the user signed other users' keys (news to the signer alone). Runs inside the
 * transaction that made the change and wakes the long-polls that will see it.
 */
@ApplicationScoped
public class DeviceListService {
    private final DeviceListStore store;
    private final RoomStateStore state;
    private final Event<SyncActivity> activity;

    public DeviceListService(DeviceListStore store, RoomStateStore state, Event<SyncActivity> activity) {
        this.store = store;
        this.state = state;
        this.activity = activity;
    }

    void onDevices(@Observes DevicesChanged change) {
        if (!change.isEmpty()) {
            changed(change.user().toString());
        }
    }

    void onRename(@Observes DeviceRenamed rename) {
        changed(rename.user().toString());
    }

    void onKeys(@Observes DeviceKeysChanged change) {
        changed(change.user().toString());
    }

    void onSignatures(@Observes UserSignaturesChanged change) {
        if (change.signed().isEmpty()) {
            return;
        }
        String signer = change.signer().toString();
        store.append(change.signed().stream()
                .map(user -> new DeviceListStore.Change(user.toString(), signer)).toList());
        activity.fire(SyncActivity.ofUser(signer));
    }

    private void changed(String userId) {
        store.append(List.of(DeviceListStore.Change.of(userId)));
        Set<String> rooms = new HashSet<>(state.roomsWith(userId, "join"));
        activity.fire(new SyncActivity(Set.of(userId), rooms));
    }
}
