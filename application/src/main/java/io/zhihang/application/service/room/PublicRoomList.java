package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.PublicRoomsPage.PublicRoom;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.GuestAccess;
import io.zhihang.domain.room.RoomDirectoryPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read model of the public room list: every published room that {@link RoomDirectoryPolicy#isListable} shows,
 * summarised from its current state in three queries however many rooms there are.
 */
@ApplicationScoped
public class PublicRoomList {
    /** Largest first, then by room id descending: Synapse's order, which its paging tokens rely on. */
    static final Comparator<PublicRoom> ORDER = Comparator.comparingLong(PublicRoom::numJoinedMembers).reversed()
            .thenComparing(PublicRoom::roomId, Comparator.reverseOrder());

    private static final List<String> SUMMARY_STATE = List.of("m.room.create", "m.room.name", "m.room.topic",
            "m.room.canonical_alias", "m.room.avatar", "m.room.join_rules", "m.room.history_visibility",
            GuestAccess.TYPE);

    private final RoomRepository rooms;
    private final RoomStateStore state;
    private final EventStore events;

    public PublicRoomList(RoomRepository rooms, RoomStateStore state, EventStore events) {
        this.rooms = rooms;
        this.state = state;
        this.events = events;
    }

    /**
     * The listed rooms that match, in {@link #ORDER}.
     *
     * @param searchTerm matched case-insensitively within name, topic and canonical alias; null for all
     * @param roomTypes  the wanted room types, null standing for untyped rooms; null for all
     */
    public List<PublicRoom> listed(String searchTerm, List<String> roomTypes) {
        Map<String, RoomRecord> published = rooms.publishedRooms().stream()
                .collect(Collectors.toMap(RoomRecord::roomId, Function.identity()));
        Map<String, Long> joined = state.joinedCounts(published.keySet());
        Map<String, Map<String, String>> summaryState = state.roomWideState(published.keySet(), SUMMARY_STATE);
        Map<String, JsonObject> contents = contents(summaryState.values(), published);
        List<PublicRoom> listed = new ArrayList<>();
        for (RoomRecord room : published.values()) {
            Map<String, JsonObject> roomState = new HashMap<>();
            summaryState.getOrDefault(room.roomId(), Map.of())
                    .forEach((type, eventId) -> roomState.put(type, contents.get(eventId)));
            PublicRoom entry = entry(room.roomId(), joined.getOrDefault(room.roomId(), 0L), roomState);
            if (RoomDirectoryPolicy.isListable(entry.joinRule(), entry.worldReadable(), entry.numJoinedMembers())
                    && matches(entry, searchTerm) && (roomTypes == null || roomTypes.contains(entry.roomType()))) {
                listed.add(entry);
            }
        }
        listed.sort(ORDER);
        return listed;
    }

    /** Event id → content as clients see it, for every event of the summaries. */
    private Map<String, JsonObject> contents(Collection<Map<String, String>> summaryState,
                                             Map<String, RoomRecord> published) {
        List<String> ids = summaryState.stream().flatMap(m -> m.values().stream()).toList();
        Map<String, JsonObject> contents = new HashMap<>();
        for (StoredEvent stored : ids.isEmpty() ? List.<StoredEvent>of() : events.findAll(ids)) {
            RoomRecord room = published.get(stored.pdu().roomId());
            contents.put(stored.pdu().eventId(), RoomAccess.visibleContent(stored, room.version()));
        }
        return contents;
    }

    private static PublicRoom entry(String roomId, long joined, Map<String, JsonObject> state) {
        Function<String, JsonObject> content = type -> state.getOrDefault(type, JsonObject.EMPTY);
        return new PublicRoom(roomId,
                content.apply("m.room.name").string("name").orElse(null),
                content.apply("m.room.topic").string("topic").orElse(null),
                content.apply("m.room.canonical_alias").string("alias").orElse(null),
                joined,
                content.apply("m.room.history_visibility").string("history_visibility")
                        .filter("world_readable"::equals).isPresent(),
                GuestAccess.letsGuestsJoin(content.apply(GuestAccess.TYPE)),
                content.apply("m.room.join_rules").string("join_rule").orElse(null),
                content.apply("m.room.avatar").string("url").orElse(null),
                content.apply("m.room.create").string("type").orElse(null));
    }

    private static boolean matches(PublicRoom room, String searchTerm) {
        if (searchTerm == null) {
            return true;
        }
        String term = searchTerm.toLowerCase(Locale.ROOT);
        return contains(room.name(), term) || contains(room.topic(), term) || contains(room.canonicalAlias(), term);
    }

    private static boolean contains(String field, String lowerCaseTerm) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseTerm);
    }
}
