package io.zhihang.application.fakes;

import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Account data in a map, stamped from a counter, for tests. The stream lock is a no-op (tests run one thread). */
public class InMemoryAccountDataRepository implements AccountDataRepository {
    private record Key(String userId, String roomId, String type) {
    }

    private record Stamped(JsonObject content, long position) {
    }

    private final Map<Key, Stamped> entries = new LinkedHashMap<>();
    private long position;
    private int locks;

    @Override
    public synchronized void lockStream() {
        locks++;
    }

    @Override
    public synchronized Optional<JsonObject> find(String userId, String roomId, String type) {
        Stamped s = entries.get(new Key(userId, roomId, type));
        return s == null ? Optional.empty() : Optional.ofNullable(s.content());
    }

    @Override
    public synchronized long save(String userId, String roomId, String type, JsonObject content) {
        if (locks == 0) {
            throw new IllegalStateException("The account-data stream must be locked before a write");
        }
        entries.put(new Key(userId, roomId, type), new Stamped(content, ++position));
        return position;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized List<Entry> changedSince(String userId, long since) {
        List<Map.Entry<Key, Stamped>> changed = new ArrayList<>();
        entries.entrySet().stream()
                .filter(e -> e.getKey().userId().equals(userId) && e.getValue().position() > since)
                .forEach(changed::add);
        changed.sort(Comparator.comparingLong(e -> e.getValue().position()));
        return changed.stream()
                .map(e -> new Entry(e.getKey().roomId(), e.getKey().type(), e.getValue().content())).toList();
    }
}
