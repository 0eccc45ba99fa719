package io.zhihang.adapter.persistence.push;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.push.PushQueue;
import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.push.Pusher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pushers} table: the pushers themselves through Panache, their delivery state in plain SQL, because a
 * claim is exact SQL (a conditional update that only one instance can win, on H2 and PostgreSQL alike) and the due
 * pushers are found with one query over {@code event_push_actions}.
 */
@ApplicationScoped
public class PanachePusherRepository implements PusherRepository, PushQueue {
    private static final String COLUMNS = """
            p.user_id, p.app_id, p.pushkey, p.kind, p.app_display_name, p.device_display_name, p.profile_tag, p.lang,
            p.data, p.ts, p.last_stream_ordering, p.failing_since""";
    private static final String DUE = "SELECT " + COLUMNS + " FROM pushers p"
            + " WHERE (p.retry_at IS NULL OR p.retry_at <= ?) AND (p.claimed_until IS NULL OR p.claimed_until <= ?)"
            + " AND EXISTS (SELECT 1 FROM event_push_actions e WHERE e.user_id = p.user_id"
            + " AND e.notify AND e.stream_ordering > p.last_stream_ordering AND e.stream_ordering <= ?)"
            + " ORDER BY p.user_id, p.app_id, p.pushkey LIMIT ?";
    private static final String KEY = " WHERE user_id = ? AND app_id = ? AND pushkey = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM pushers p"
            + " WHERE p.user_id = ? AND p.app_id = ? AND p.pushkey = ?";
    private static final String OF_USER = "SELECT " + COLUMNS + " FROM pushers p WHERE p.user_id = ?"
            + " ORDER BY p.app_id, p.pushkey";
    private static final String CLAIM = "UPDATE pushers SET claimed_until = ?" + KEY
            + " AND (claimed_until IS NULL OR claimed_until <= ?)";
    private static final String ADVANCE = """
            UPDATE pushers SET last_stream_ordering = CASE WHEN last_stream_ordering < ? THEN ?
                   ELSE last_stream_ordering END, failing_since = NULL, retry_at = NULL, claimed_until = ?""" + KEY;
    private static final String FAILING = "UPDATE pushers SET failing_since = ?, retry_at = ?" + KEY;
    private static final String RELEASE = "UPDATE pushers SET claimed_until = NULL" + KEY;

    private final PusherPanacheRepo repo;
    private final PlainSql sql;

    PanachePusherRepository(PusherPanacheRepo repo, ActivePersistenceUnit unit,
                            @Any Instance<AgroalDataSource> dataSources) {
        this.repo = repo;
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public List<Pusher> findByUser(String userId) {
        return repo.list("userId", Sort.ascending("appId", "pushkey"), userId).stream()
                .map(PanachePusherRepository::toDomain).toList();
    }

    @Override
    public void save(String userId, Pusher pusher, String deviceId, Instant now, long position) {
        PusherEntity e = repo.findById(new PusherEntityKey(userId, pusher.appId(), pusher.pushkey()));
        boolean isNew = e == null;
        if (isNew) {
            e = new PusherEntity();
            e.userId = userId;
            e.appId = pusher.appId();
            e.pushkey = pusher.pushkey();
            e.deviceId = deviceId;
        }
        e.kind = pusher.kind();
        e.appDisplayName = pusher.appDisplayName();
        e.deviceDisplayName = pusher.deviceDisplayName();
        e.profileTag = pusher.profileTag();
        e.lang = pusher.lang();
        e.data = CanonicalJson.encode(pusher.data());
        e.ts = now.toEpochMilli();
        e.lastStreamOrdering = position;
        if (isNew) {
            repo.persist(e);
        }
    }

    @Override
    public void delete(String userId, String appId, String pushkey) {
        repo.deleteById(new PusherEntityKey(userId, appId, pushkey));
    }

    @Override
    public void deleteOfOtherUsers(String userId, String appId, String pushkey) {
        repo.delete("appId = ?1 and pushkey = ?2 and userId <> ?3", appId, pushkey, userId);
    }

    @Override
    public void deleteOfDevices(String userId, Collection<String> deviceIds) {
        if (!deviceIds.isEmpty()) {
            repo.delete("userId = ?1 and deviceId in ?2", userId, List.copyOf(deviceIds));
        }
    }

    @Override
    public void deleteAll(String userId) {
        repo.delete("userId", userId);
    }

    @Override
    public List<QueuedPusher> due(long upTo, Instant now, int limit) {
        long ms = now.toEpochMilli();
        return sql.list(DUE, PanachePusherRepository::queued, ms, ms, upTo, limit);
    }

    @Override
    public List<QueuedPusher> ofUser(String userId) {
        return sql.list(OF_USER, PanachePusherRepository::queued, userId);
    }

    @Override
    public Optional<QueuedPusher> find(PushQueue.PusherKey key) {
        return sql.list(FIND, PanachePusherRepository::queued, key.userId(), key.appId(), key.pushkey()).stream()
                .findFirst();
    }

    @Override
    public boolean claim(PushQueue.PusherKey key, Instant now, Instant until) {
        return sql.update(CLAIM, until.toEpochMilli(), key.userId(), key.appId(), key.pushkey(),
                now.toEpochMilli()) == 1;
    }

    @Override
    public boolean advance(PushQueue.PusherKey key, long position, Instant claimUntil) {
        return sql.update(ADVANCE, position, position, claimUntil.toEpochMilli(), key.userId(), key.appId(),
                key.pushkey()) == 1;
    }

    @Override
    public void failing(PushQueue.PusherKey key, Instant failingSince, Instant retryAt) {
        sql.update(FAILING, failingSince.toEpochMilli(), retryAt.toEpochMilli(), key.userId(), key.appId(),
                key.pushkey());
    }

    @Override
    public void release(PushQueue.PusherKey key) {
        sql.update(RELEASE, key.userId(), key.appId(), key.pushkey());
    }

    private static QueuedPusher queued(ResultSet row) throws SQLException {
        Pusher pusher = new Pusher(row.getString(3), row.getString(4), row.getString(2), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), Json.parseObject(row.getString(9)));
        long failingSince = row.getLong(12);
        Instant failing = row.wasNull() ? null : Instant.ofEpochMilli(failingSince);
        return new QueuedPusher(new PushQueue.PusherKey(row.getString(1), row.getString(2), row.getString(3)), pusher,
                Instant.ofEpochMilli(row.getLong(10)), row.getLong(11), failing);
    }

    private static Pusher toDomain(PusherEntity e) {
        return new Pusher(e.pushkey, e.kind, e.appId, e.appDisplayName, e.deviceDisplayName, e.profileTag, e.lang,
                Json.parseObject(e.data));
    }
}
