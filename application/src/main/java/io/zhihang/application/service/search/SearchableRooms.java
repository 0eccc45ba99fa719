package io.zhihang.application.service.search;

import io.zhihang.application.port.out.room.ForgottenRooms;
import io.zhihang.application.port.out.room.RoomStateStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rooms a user's searches look in: joined, or left or banned from and not forgotten (what they saw stays theirs),
 * without rooms with end-to-end encryption, which the spec says servers do not search.
 */
@ApplicationScoped
public class SearchableRooms {
    private static final String ENCRYPTION = "m.room.encryption";

    private final RoomStateStore state;
    private final ForgottenRooms forgotten;

    public SearchableRooms(RoomStateStore state, ForgottenRooms forgotten) {
        this.state = state;
        this.forgotten = forgotten;
    }

    /** The searchable rooms that {@code keep} accepts (it runs before the encryption check, which costs a query). */
    public List<String> of(String user, Predicate<String> keep) {
        Set<String> rooms = new LinkedHashSet<>(state.roomsWith(user, "join"));
        for (String membership : List.of("leave", "ban")) {
            state.roomsWith(user, membership).stream().filter(room -> !forgotten.isForgotten(user, room))
                    .forEach(rooms::add);
        }
        List<String> candidates = rooms.stream().filter(keep).toList();
        Set<String> encrypted = state.roomWideState(candidates, List.of(ENCRYPTION)).keySet();
        return candidates.stream().filter(room -> !encrypted.contains(room)).toList();
    }
}
