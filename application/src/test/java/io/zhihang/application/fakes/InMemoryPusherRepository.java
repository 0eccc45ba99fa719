package io.zhihang.application.fakes;

import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.domain.push.Pusher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Pushers in a list, keyed by user, app id and pushkey, with the device that set each. */
public class InMemoryPusherRepository implements PusherRepository {
    private record Row(String userId, Pusher pusher, String deviceId) {
        boolean is(String userId, String appId, String pushkey) {
            return this.userId.equals(userId) && pusher.appId().equals(appId) && pusher.pushkey().equals(pushkey);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized List<Pusher> findByUser(String userId) {
        return rows.stream().filter(r -> r.userId().equals(userId)).map(Row::pusher).toList();
    }

    @Override
    public synchronized void save(String userId, Pusher pusher, String deviceId, Instant now, long position) {
        Optional<Row> existing = rows.stream().filter(r -> r.is(userId, pusher.appId(), pusher.pushkey())).findFirst();
        delete(userId, pusher.appId(), pusher.pushkey());
        rows.add(new Row(userId, pusher, existing.map(Row::deviceId).orElse(deviceId)));
    }

    @Override
    public synchronized void delete(String userId, String appId, String pushkey) {
        rows.removeIf(r -> r.is(userId, appId, pushkey));
    }

    @Override
    public synchronized void deleteOfOtherUsers(String userId, String appId, String pushkey) {
        new ArrayList<>(rows).stream().filter(r -> !r.userId().equals(userId)
                        && r.pusher().appId().equals(appId) && r.pusher().pushkey().equals(pushkey))
                .forEach(rows::remove);
    }

    @Override
    public synchronized void deleteOfDevices(String userId, Collection<String> deviceIds) {
        rows.removeIf(r -> r.userId().equals(userId) && deviceIds.contains(r.deviceId()));
    }

    @Override
    public synchronized void deleteAll(String userId) {
        rows.removeIf(r -> r.userId().equals(userId));
    }
}
