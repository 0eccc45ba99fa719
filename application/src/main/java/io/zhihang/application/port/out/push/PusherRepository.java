package io.zhihang.application.port.out.push;

import io.zhihang.domain.push.Pusher;

import java.util.List;

/** Users' pushers, each identified by the user, the app id and the pushkey. */
public interface PusherRepository {
    List<Pusher> findByUser(String userId);

    /** Inserts the pusher or replaces the user's pusher with the same app id and pushkey. */
    void save(String userId, Pusher pusher);

    void delete(String userId, String appId, String pushkey);

    /** Removes the pushers with this app id and pushkey of users other than {@code userId}. */
    void deleteOfOtherUsers(String userId, String appId, String pushkey);
}
