package io.zhihang.application.fakes;

import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.domain.push.Pusher;

import java.util.ArrayList;
import java.util.List;

/** Pushers in a list, keyed by user, app id and pushkey. */
public class InMemoryPusherRepository implements PusherRepository {
    private record Row(String userId, Pusher pusher) {
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
    public synchronized void save(String userId, Pusher pusher) {
        delete(userId, pusher.appId(), pusher.pushkey());
        rows.add(new Row(userId, pusher));
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
}
