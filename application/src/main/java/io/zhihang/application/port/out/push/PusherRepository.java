package io.zhihang.application.port.out.push;

import io.zhihang.domain.push.Pusher;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Users' pushers, each identified by the user, the app id and the pushkey, and tied to the device that set it (so
 * that deleting the device, or logging it out, removes its pushers). Their delivery state is {@link PushQueue}.
 */
public interface PusherRepository {
    List<Pusher> findByUser(String userId);

    /**
     * Inserts the pusher or replaces the user's pusher with the same app id and pushkey. It is set at {@code now}
     * and starts delivering after {@code position} (notifications recorded before it are not pushed), with no
     * failure. A new pusher belongs to {@code deviceId} (null if the token has none); a replaced one keeps its device,
     * since one device may change another's pusher (Synapse).
     */
    void save(String userId, Pusher pusher, String deviceId, Instant now, long position);

    void delete(String userId, String appId, String pushkey);

    /** Removes the pushers with this app id and pushkey of users other than {@code userId}. */
    void deleteOfOtherUsers(String userId, String appId, String pushkey);

    /** Removes the user's pushers set by these devices. */
    void deleteOfDevices(String userId, Collection<String> deviceIds);

    /** Removes every pusher of the user (the account was deactivated). */
    void deleteAll(String userId);
}
