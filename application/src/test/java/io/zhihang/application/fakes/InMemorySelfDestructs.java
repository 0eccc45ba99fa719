package io.zhihang.application.fakes;

import io.zhihang.application.port.out.lifecycle.SelfDestructs;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Self-destruct times in a map, keyed by event id as {@code self_destructs} is. */
public class InMemorySelfDestructs implements SelfDestructs {
    private final Map<String, Scheduled> rows = new ConcurrentHashMap<>();

    @Override
    public void schedule(String eventId, String roomId, Instant at) {
        rows.compute(eventId, (id, s) -> s == null ? new Scheduled(eventId, roomId, at, Optional.empty())
                : s.destroyedAt().isPresent() ? s : new Scheduled(eventId, s.roomId(), at, Optional.empty()));
    }

    @Override
    public Optional<Scheduled> find(String eventId) {
        return Optional.ofNullable(rows.get(eventId));
    }

    @Override
    public void cancel(String eventId) {
        rows.computeIfPresent(eventId, (id, s) -> s.destroyedAt().isPresent() ? s : null);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return rows.values().stream().filter(s -> s.destroyedAt().isEmpty() && !s.at().isAfter(now))
                .sorted(Comparator.comparing(Scheduled::at)).limit(limit).map(Scheduled::eventId).toList();
    }

    @Override
    public boolean claim(String eventId, Instant now) {
        boolean[] claimed = {false};
        rows.computeIfPresent(eventId, (id, s) -> {
            if (s.destroyedAt().isPresent()) {
                return s;
            }
            claimed[0] = true;
            return new Scheduled(id, s.roomId(), s.at(), Optional.of(now));
        });
        return claimed[0];
    }
}
