package io.zhihang.application.fakes;

import io.zhihang.application.port.out.push.PushRuleRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.push.UserPushRules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Push rule documents in a map, stored as text and parsed back like the Panache store. */
public class InMemoryPushRuleRepository implements PushRuleRepository {
    private final Map<String, Row> rows = new HashMap<>();
    private int reads;

    private record Row(String json, long version) {
        StoredPushRules toStored() {
            return new StoredPushRules(UserPushRules.parse(json), version);
        }
    }

    /** How many times the store was read (by {@link #find} or {@link #findAll}), to see what caches save. */
    public synchronized int reads() {
        return reads;
    }

    @Override
    public void lock(String userId) {
        // one thread at a time in the scenario tests
    }

    @Override
    public synchronized Optional<StoredPushRules> find(String userId) {
        reads++;
        return Optional.ofNullable(rows.get(userId)).map(Row::toStored);
    }

    @Override
    public synchronized Map<String, StoredPushRules> findAll(Collection<String> userIds) {
        reads++;
        Map<String, StoredPushRules> found = new HashMap<>();
        for (String userId : userIds) {
            Row row = rows.get(userId);
            if (row != null) {
                found.put(userId, row.toStored());
            }
        }
        return found;
    }

    @Override
    public synchronized void save(String userId, StoredPushRules rules) {
        rows.put(userId, new Row(CanonicalJson.encode(rules.rules().toJson()), rules.version()));
    }
}
