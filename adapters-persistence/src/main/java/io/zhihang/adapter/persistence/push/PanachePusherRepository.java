package io.zhihang.adapter.persistence.push;

import io.quarkus.panache.common.Sort;
import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.push.Pusher;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PanachePusherRepository implements PusherRepository {
    private final PusherPanacheRepo repo;

    PanachePusherRepository(PusherPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public List<Pusher> findByUser(String userId) {
        return repo.list("userId", Sort.ascending("appId", "pushkey"), userId).stream()
                .map(PanachePusherRepository::toDomain).toList();
    }

    @Override
    public void save(String userId, Pusher pusher) {
        PusherEntity e = repo.findById(new PusherKey(userId, pusher.appId(), pusher.pushkey()));
        boolean isNew = e == null;
        if (isNew) {
            e = new PusherEntity();
            e.userId = userId;
            e.appId = pusher.appId();
            e.pushkey = pusher.pushkey();
        }
        e.kind = pusher.kind();
        e.appDisplayName = pusher.appDisplayName();
        e.deviceDisplayName = pusher.deviceDisplayName();
        e.profileTag = pusher.profileTag();
        e.lang = pusher.lang();
        e.data = CanonicalJson.encode(pusher.data());
        if (isNew) {
            repo.persist(e);
        }
    }

    @Override
    public void delete(String userId, String appId, String pushkey) {
        repo.deleteById(new PusherKey(userId, appId, pushkey));
    }

    @Override
    public void deleteOfOtherUsers(String userId, String appId, String pushkey) {
        repo.delete("appId = ?1 and pushkey = ?2 and userId <> ?3", appId, pushkey, userId);
    }

    private static Pusher toDomain(PusherEntity e) {
        return new Pusher(e.pushkey, e.kind, e.appId, e.appDisplayName, e.deviceDisplayName, e.profileTag, e.lang,
                Json.parseObject(e.data));
    }
}
