package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A room's state as it was at a past stream position, wound back from the current state: two queries, the state
 * events after the position and the values their keys had at it.
 */
@ApplicationScoped
public class PastState {
    private final EventStore events;

    public PastState(EventStore events) {
        this.events = events;
    }

    /**
     * {@code current} with every key in {@code wanted} that was set after {@code atOrBefore} given back the value it
     * had then (or removed, if it had none).
     */
    public Map<StateKey, String> windBack(String roomId, Map<StateKey, String> current, long atOrBefore,
                                          Predicate<StateKey> wanted) {
        Map<StateKey, String> then = new LinkedHashMap<>(current);
        Set<StateKey> later = new LinkedHashSet<>();
        events.stateEventsBetween(roomId, atOrBefore, Long.MAX_VALUE).forEach(e -> {
            StateKey key = StateKey.of(e.pdu());
            if (wanted.test(key)) {
                later.add(key);
            }
        });
        Map<StateKey, StoredEvent> prior = later.isEmpty() ? Map.of()
                : events.latestStates(roomId, later, atOrBefore);
        for (StateKey key : later) {
            StoredEvent was = prior.get(key);
            if (was == null) {
                then.remove(key);
            } else {
                then.put(key, was.pdu().eventId());
            }
        }
        return then;
    }
}
