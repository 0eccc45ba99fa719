package io.zhihang.adapter.persistence.keys;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.keys.DeviceKeyStore;
import io.zhihang.application.port.out.keys.StoredDeviceKeys;
import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.keys.KeyId;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Device keys in plain JDBC. A one-time key is claimed by deleting its row, so only one transaction can hand it out,
 * across server instances too. On PostgreSQL racing claims skip each other's locked keys; on H2 they wait for the
 * first's commit, delete nothing and take the next key.
 */
@ApplicationScoped
public class JdbcDeviceKeyStore implements DeviceKeyStore {
    private static final String LOCK_DEVICE = "SELECT device_id FROM devices WHERE user_id = ? AND device_id = ? FOR UPDATE";
    private static final String DEVICE_KEYS = "SELECT key_json FROM device_keys WHERE user_id = ? AND device_id = ?";
    private static final String UPDATE_DEVICE_KEYS = "UPDATE device_keys SET key_json = ? WHERE user_id = ? AND device_id = ?";
    private static final String INSERT_DEVICE_KEYS = "INSERT INTO device_keys (user_id, device_id, key_json) VALUES (?, ?, ?)";
    private static final String USERS_DEVICE_KEYS = """
            SELECT k.user_id, k.device_id, k.key_json, d.display_name
              FROM device_keys k JOIN devices d ON d.user_id = k.user_id AND d.device_id = k.device_id
             WHERE k.user_id IN (%s)
             ORDER BY k.user_id, k.device_id""";
    private static final String ONE_TIME_KEYS = """
            SELECT key_id, key_json FROM one_time_keys
             WHERE user_id = ? AND device_id = ? AND algorithm = ? AND key_id IN (%s)""";
    private static final String INSERT_ONE_TIME_KEY = """
            INSERT INTO one_time_keys (user_id, device_id, algorithm, key_id, key_json) VALUES (?, ?, ?, ?, ?)""";
    private static final String OLDEST_ONE_TIME_KEY = """
            SELECT key_id, key_json FROM one_time_keys WHERE user_id = ? AND device_id = ? AND algorithm = ?
             ORDER BY seq FETCH FIRST 1 ROWS ONLY""";
    /**
     * PostgreSQL takes the oldest key no other transaction holds, in one statement: of claims racing for a device's
     * keys, each locks and deletes a different one, none waits for another's commit. The row is deleted by its
     * physical address ({@code ctid}, stable while locked; keys are never updated), which no plan can turn into a
     * scan of the device's keys.
     */
    private static final String CLAIM_ONE_TIME_KEY_PG = """
            DELETE FROM one_time_keys WHERE ctid = (
                SELECT ctid FROM one_time_keys WHERE user_id = ? AND device_id = ? AND algorithm = ?
                 ORDER BY seq FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED)
            RETURNING key_id, key_json""";
    private static final String DELETE_ONE_TIME_KEY = """
            DELETE FROM one_time_keys WHERE user_id = ? AND device_id = ? AND algorithm = ? AND key_id = ?""";
    private static final String FALLBACK_KEY = """
            SELECT key_id, key_json, used FROM fallback_keys WHERE user_id = ? AND device_id = ? AND algorithm = ?""";
    private static final String UPDATE_FALLBACK_KEY = """
            UPDATE fallback_keys SET key_id = ?, key_json = ?, used = FALSE
             WHERE user_id = ? AND device_id = ? AND algorithm = ?""";
    private static final String INSERT_FALLBACK_KEY = """
            INSERT INTO fallback_keys (user_id, device_id, algorithm, key_id, key_json, used)
            VALUES (?, ?, ?, ?, ?, FALSE)""";
    private static final String USE_FALLBACK_KEY = """
            UPDATE fallback_keys SET used = TRUE WHERE user_id = ? AND device_id = ? AND algorithm = ? AND used = FALSE""";
    private static final String COUNTS = """
            SELECT 'o', algorithm, COUNT(*) FROM one_time_keys WHERE user_id = ? AND device_id = ? GROUP BY algorithm
            UNION ALL
            SELECT 'f', algorithm, CAST(0 AS BIGINT) FROM fallback_keys
             WHERE user_id = ? AND device_id = ? AND used = FALSE""";
    private static final String LOCK_DEVICES = "SELECT device_id FROM devices WHERE user_id = ? AND device_id IN (%s) FOR UPDATE";
    private static final String[] DELETE_DEVICES = {
            "DELETE FROM device_keys WHERE user_id = ? AND device_id IN (%s)",
            "DELETE FROM one_time_keys WHERE user_id = ? AND device_id IN (%s)",
            "DELETE FROM fallback_keys WHERE user_id = ? AND device_id IN (%s)"};

    /** More attempts than this at one claim means something is badly wrong (each failed one is another's success). */
    private static final int MAX_CLAIM_ATTEMPTS = 10_000;

    private final PlainSql sql;
    private final boolean postgres;

    JdbcDeviceKeyStore(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
        this.postgres = unit.dataSourceName().equals("pg");
    }

    @Override
    public boolean lockDevice(UserId user, DeviceId device) {
        return !sql.list(LOCK_DEVICE, r -> r.getString(1), user.toString(), device.value()).isEmpty();
    }

    @Override
    public Optional<JsonObject> deviceKeys(UserId user, DeviceId device) {
        return sql.list(DEVICE_KEYS, r -> Json.parseObject(r.getString(1)), user.toString(), device.value())
                .stream().findFirst();
    }

    @Override
    public void saveDeviceKeys(UserId user, DeviceId device, JsonObject keys) {
        String json = CanonicalJson.encode(keys);
        if (sql.update(UPDATE_DEVICE_KEYS, json, user.toString(), device.value()) == 0) {
            sql.update(INSERT_DEVICE_KEYS, user.toString(), device.value(), json);
        }
    }

    @Override
    public List<StoredDeviceKeys> deviceKeys(Map<UserId, Set<DeviceId>> devices) {
        Map<String, UserId> users = new HashMap<>();
        devices.keySet().forEach(u -> users.put(u.toString(), u));
        List<StoredDeviceKeys> out = new ArrayList<>();
        for (List<String> chunk : PlainSql.chunks(users.keySet())) {
            out.addAll(sql.list(USERS_DEVICE_KEYS.formatted(PlainSql.placeholders(chunk.size())),
                    r -> {
                        UserId user = users.get(r.getString(1));
                        return new StoredDeviceKeys(user, new DeviceId(r.getString(2)),
                                Json.parseObject(r.getString(3)), r.getString(4));
                    }, chunk.toArray()));
        }
        return out.stream().filter(k -> {
            Set<DeviceId> wanted = devices.get(k.user());
            return wanted.isEmpty() || wanted.contains(k.device());
        }).toList();
    }

    @Override
    public List<OneTimeKey> oneTimeKeys(UserId user, DeviceId device, Collection<KeyId> ids) {
        Map<String, Set<String>> names = new TreeMap<>();
        ids.forEach(id -> names.computeIfAbsent(id.algorithm(), a -> new TreeSet<>()).add(id.name()));
        List<OneTimeKey> out = new ArrayList<>();
        names.forEach((algorithm, ofAlgorithm) -> {
            for (List<String> chunk : PlainSql.chunks(ofAlgorithm)) {
                Object[] params = new Object[chunk.size() + 3];
                params[0] = user.toString();
                params[1] = device.value();
                params[2] = algorithm;
                for (int i = 0; i < chunk.size(); i++) {
                    params[i + 3] = chunk.get(i);
                }
                out.addAll(sql.list(ONE_TIME_KEYS.formatted(PlainSql.placeholders(chunk.size())),
                        r -> new OneTimeKey(new KeyId(algorithm, r.getString(1)), Json.parse(r.getString(2))), params));
            }
        });
        return out;
    }

    @Override
    public void addOneTimeKeys(UserId user, DeviceId device, List<OneTimeKey> keys) {
        sql.batch(INSERT_ONE_TIME_KEY, keys.stream().map(k -> new Object[]{user.toString(), device.value(),
                k.algorithm(), k.id().name(), CanonicalJson.encode(k.value())}).toList());
    }

    @Override
    public Optional<OneTimeKey> fallbackKey(UserId user, DeviceId device, String algorithm) {
        return sql.list(FALLBACK_KEY, r -> new OneTimeKey(new KeyId(algorithm, r.getString(1)),
                Json.parse(r.getString(2))), user.toString(), device.value(), algorithm).stream().findFirst();
    }

    @Override
    public void saveFallbackKey(UserId user, DeviceId device, OneTimeKey key) {
        String json = CanonicalJson.encode(key.value());
        if (sql.update(UPDATE_FALLBACK_KEY, key.id().name(), json, user.toString(), device.value(),
                key.algorithm()) == 0) {
            sql.update(INSERT_FALLBACK_KEY, user.toString(), device.value(), key.algorithm(), key.id().name(), json);
        }
    }

    @Override
    public Optional<OneTimeKey> claimOneTimeKey(KeyClaim claim) {
        Object[] device = {claim.user().toString(), claim.device().value(), claim.algorithm()};
        if (postgres) {
            return sql.list(CLAIM_ONE_TIME_KEY_PG, r -> new OneTimeKey(new KeyId(claim.algorithm(), r.getString(1)),
                    Json.parse(r.getString(2))), device).stream().findFirst();
        }
        // H2 applies SKIP LOCKED after FETCH FIRST (a locked oldest key would read as none), so it takes the oldest
        // key and deletes it, trying the next when another transaction was first.
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            Optional<String[]> oldest = sql.list(OLDEST_ONE_TIME_KEY, r -> new String[]{r.getString(1),
                    r.getString(2)}, device).stream().findFirst();
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            String keyId = oldest.get()[0];
            // Waits for a transaction that deleted the row already; then deletes nothing, and we try the next key.
            if (sql.update(DELETE_ONE_TIME_KEY, device[0], device[1], device[2], keyId) == 1) {
                return Optional.of(new OneTimeKey(new KeyId(claim.algorithm(), keyId), Json.parse(oldest.get()[1])));
            }
        }
        throw new IllegalStateException("Could not claim a one-time key");
    }

    @Override
    public Optional<OneTimeKey> claimFallbackKey(KeyClaim claim) {
        Optional<OneTimeKey> key = fallbackKey(claim.user(), claim.device(), claim.algorithm());
        key.ifPresent(k -> sql.update(USE_FALLBACK_KEY, claim.user().toString(), claim.device().value(),
                claim.algorithm()));
        return key;
    }

    @Override
    public KeyCounts counts(UserId user, DeviceId device) {
        Map<String, Long> oneTimeKeys = new HashMap<>();
        List<String> fallback = new ArrayList<>();
        sql.list(COUNTS, r -> {
            if (r.getString(1).equals("o")) {
                oneTimeKeys.put(r.getString(2), r.getLong(3));
            } else {
                fallback.add(r.getString(2));
            }
            return null;
        }, user.toString(), device.value(), user.toString(), device.value());
        return new KeyCounts(oneTimeKeys, fallback);
    }

    /**
     * Locks the devices' rows first, as an upload does, so that deleting a device and an upload of its keys queue up
     * instead of deadlocking (the device row itself is deleted at flush, after this).
     */
    @Override
    public void deleteDevices(UserId user, Collection<DeviceId> devices) {
        for (List<DeviceId> chunk : PlainSql.chunks(devices)) {
            Object[] params = new Object[chunk.size() + 1];
            params[0] = user.toString();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i).value();
            }
            String in = PlainSql.placeholders(chunk.size());
            sql.list(LOCK_DEVICES.formatted(in), r -> null, params);
            for (String delete : DELETE_DEVICES) {
                sql.update(delete.formatted(in), params);
            }
        }
    }
}
