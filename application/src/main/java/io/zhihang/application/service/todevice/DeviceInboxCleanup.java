package io.zhihang.application.service.todevice;

import io.zhihang.application.port.out.todevice.DeviceInbox;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.domain.shared.DeviceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A deleted device's inbox and transaction ids go with it, in the transaction that deletes it. The stream lock makes
 * a send that raced the deletion either land before it (and be deleted) or see the device gone.
 */
@ApplicationScoped
public class DeviceInboxCleanup {
    private final DeviceInbox inbox;

    public DeviceInboxCleanup(DeviceInbox inbox) {
        this.inbox = inbox;
    }

    public void on(@Observes DevicesChanged change) {
        if (change.removed().isEmpty()) {
            return;
        }
        inbox.lockStream();
        inbox.deleteDevices(change.user().toString(), change.removed().stream().map(DeviceId::value).toList());
    }
}
