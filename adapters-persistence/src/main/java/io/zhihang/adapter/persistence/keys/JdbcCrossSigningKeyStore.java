package io.zhihang.adapter.persistence.keys;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.keys.CrossSigningKeyStore;
import io.zhihang.domain.keys.KeySignature;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cross-signing keys and uploaded signatures in plain JDBC. */
@ApplicationScoped
public class JdbcCrossSigningKeyStore implements CrossSigningKeyStore {
    private static final String LOCK_USER = "SELECT user_id FROM users WHERE user_id = ? FOR UPDATE";
    private static final String KEYS = "SELECT user_id, key_usage, key_json FROM cross_signing_keys WHERE user_id IN (%s)";
    private static final String UPDATE_KEY = """
            UPDATE cross_signing_keys SET key_id = ?, key_json = ? WHERE user_id = ? AND key_usage = ?""";
    private static final String INSERT_KEY = """
            INSERT INTO cross_signing_keys (user_id, key_usage, key_id, key_json) VALUES (?, ?, ?, ?)""";
    private static final String SIGNATURES = """
            SELECT signer_user_id, signer_key_id, target_user_id, target_key, signature FROM key_signatures
             WHERE target_user_id IN (%s) AND (signer_user_id = target_user_id OR signer_user_id = ?)""";
    private static final String UPDATE_SIGNATURE = """
            UPDATE key_signatures SET signature = ?
             WHERE signer_user_id = ? AND signer_key_id = ? AND target_user_id = ? AND target_key = ?""";
    private static final String INSERT_SIGNATURE = """
            INSERT INTO key_signatures (signer_user_id, signer_key_id, target_user_id, target_key, signature)
            VALUES (?, ?, ?, ?, ?)""";
    private static final String DELETE_BY = "DELETE FROM key_signatures WHERE signer_user_id = ? AND signer_key_id = ?";
    private static final String DELETE_ON = "DELETE FROM key_signatures WHERE target_user_id = ? AND target_key = ?";
    private static final String DELETE_SIGNATURES_OF =
            "DELETE FROM key_signatures WHERE signer_user_id = ? OR target_user_id = ?";
    private static final String DELETE_KEYS_OF = "DELETE FROM cross_signing_keys WHERE user_id = ?";

    private final PlainSql sql;

    JdbcCrossSigningKeyStore(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void lockUser(UserId user) {
        sql.list(LOCK_USER, r -> r.getString(1), user.toString());
    }

    @Override
    public Map<UserId, Map<KeyUsage, JsonObject>> keysOf(Collection<UserId> users) {
        Map<String, UserId> byName = new HashMap<>();
        users.forEach(u -> byName.put(u.toString(), u));
        Map<UserId, Map<KeyUsage, JsonObject>> out = new LinkedHashMap<>();
        for (List<String> chunk : PlainSql.chunks(byName.keySet())) {
            sql.list(KEYS.formatted(PlainSql.placeholders(chunk.size())), r -> {
                out.computeIfAbsent(byName.get(r.getString(1)), u -> new EnumMap<>(KeyUsage.class))
                        .put(KeyUsage.ofUsage(r.getString(2)), Json.parseObject(r.getString(3)));
                return null;
            }, chunk.toArray());
        }
        return out;
    }

    @Override
    public void save(UserId user, KeyUsage usage, String keyId, JsonObject key) {
        String json = CanonicalJson.encode(key);
        if (sql.update(UPDATE_KEY, keyId, json, user.toString(), usage.usage()) == 0) {
            sql.update(INSERT_KEY, user.toString(), usage.usage(), keyId, json);
        }
    }

    @Override
    public List<KeySignature> signaturesOn(Collection<UserId> targets, UserId viewer) {
        List<KeySignature> out = new ArrayList<>();
        for (List<UserId> chunk : PlainSql.chunks(targets)) {
            Object[] params = new Object[chunk.size() + 1];
            for (int i = 0; i < chunk.size(); i++) {
                params[i] = chunk.get(i).toString();
            }
            params[chunk.size()] = viewer.toString();
            out.addAll(sql.list(SIGNATURES.formatted(PlainSql.placeholders(chunk.size())),
                    r -> new KeySignature(UserId.parse(r.getString(1)), r.getString(2), UserId.parse(r.getString(3)),
                            r.getString(4), r.getString(5)), params));
        }
        return out;
    }

    @Override
    public void saveSignatures(Collection<KeySignature> signatures) {
        for (KeySignature s : signatures) {
            Object[] key = {s.signer().toString(), s.signerKeyId(), s.targetUser().toString(), s.targetKey()};
            if (sql.update(UPDATE_SIGNATURE, s.signature(), key[0], key[1], key[2], key[3]) == 0) {
                sql.update(INSERT_SIGNATURE, key[0], key[1], key[2], key[3], s.signature());
            }
        }
    }

    @Override
    public void deleteSignaturesBy(UserId signer, String signerKeyId) {
        sql.update(DELETE_BY, signer.toString(), signerKeyId);
    }

    @Override
    public void deleteSignaturesOn(UserId target, String targetKey) {
        sql.update(DELETE_ON, target.toString(), targetKey);
    }

    @Override
    public void deleteAllOf(UserId user) {
        sql.update(DELETE_SIGNATURES_OF, user.toString(), user.toString());
        sql.update(DELETE_KEYS_OF, user.toString());
    }
}
