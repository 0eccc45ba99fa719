package io.zhihang.application.fakes;

import io.zhihang.application.port.out.FilterRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Filters by id (one counter for all users), stored as canonical JSON like the Panache adapter. */
public class InMemoryFilterRepository implements FilterRepository {
    private record Row(String userId, String json) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<JsonObject> find(String userId, String filterId) {
        return Optional.ofNullable(rows.get(filterId)).filter(r -> r.userId().equals(userId))
                .map(r -> Json.parseObject(r.json()));
    }

    @Override
    public synchronized String save(String userId, JsonObject filter) {
        String json = CanonicalJson.encode(filter);
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            if (e.getValue().equals(new Row(userId, json))) {
                return e.getKey();
            }
        }
        String id = Long.toString(nextId++);
        rows.put(id, new Row(userId, json));
        return id;
    }
}
