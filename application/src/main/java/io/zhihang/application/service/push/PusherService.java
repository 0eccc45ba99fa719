package io.zhihang.application.service.push;

import io.zhihang.application.port.in.push.PusherQueries;
import io.zhihang.application.port.in.push.SetPusherCommand;
import io.zhihang.application.port.in.push.SetPusherUseCase;
import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.application.service.account.AccountDeactivated;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.Pusher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;

/**
 * A user's pushers ({@code GET /pushers}, {@code POST /pushers/set}). A pusher set now is sent the notifications
 * recorded from now on ({@link PushDeliveryService}), as Synapse starts it at the current stream position.
 */
@ApplicationScoped
public class PusherService implements SetPusherUseCase, PusherQueries {
    private final PusherRepository pushers;
    private final RoomStream stream;
    private final InstantSource clock;

    public PusherService(PusherRepository pushers, RoomStream stream, InstantSource clock) {
        this.pushers = pushers;
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void set(SetPusherCommand c) {
        String userId = c.requester().userId().toString();
        if (c.pusher() == null) {
            pushers.delete(userId, c.appId(), c.pushkey());
            return;
        }
        String deviceId = c.requester().deviceId() == null ? null : c.requester().deviceId().value();
        pushers.save(userId, c.pusher(), deviceId, clock.instant(), stream.position());
        if (!c.append()) {
            pushers.deleteOfOtherUsers(userId, c.appId(), c.pushkey());
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pusher> pushers(Requester requester) {
        return pushers.findByUser(requester.userId().toString());
    }

    /**
     * A deleted device's pushers go with it, in the transaction that deletes it (Synapse's
     * {@code remove_pushers_by_devices}): logging out, deleting a device, or changing the password, which logs out the
     * other devices.
     */
    void onDevicesChanged(@Observes DevicesChanged change) {
        if (!change.removed().isEmpty()) {
            pushers.deleteOfDevices(change.user().toString(), change.removed().stream().map(DeviceId::value).toList());
        }
    }

    /** A deactivated account has no pushers (Synapse's {@code delete_all_pushers_for_user}). */
    void onDeactivated(@Observes AccountDeactivated deactivated) {
        pushers.deleteAll(deactivated.user().toString());
    }
}
