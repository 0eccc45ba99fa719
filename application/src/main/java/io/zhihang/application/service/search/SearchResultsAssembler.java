package io.zhihang.application.service.search;

import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.application.port.in.search.RoomEventSearchResults;
import io.zhihang.application.port.in.search.RoomEventSearchResults.Context;
import io.zhihang.application.port.in.search.RoomEventSearchResults.Group;
import io.zhihang.application.port.in.search.RoomEventSearchResults.Result;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.StreamToken;
import io.zhihang.application.service.search.RoomEventSearchService.Found;
import io.zhihang.application.service.search.RoomEventSearchService.Page;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchQuery;
import io.zhihang.domain.search.SearchText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a page of search matches into the response: events in the client format (with bundled aggregations), the
 * context around each result, the rooms' current state, groups and highlights.
 */
@ApplicationScoped
public class SearchResultsAssembler {
    private static final String MEMBER = "m.room.member";

    private final EventStore events;
    private final RoomStateStore state;
    private final ClientEvents clientEvents;
    private final HistoryFilter history;

    public SearchResultsAssembler(EventStore events, RoomStateStore state, ClientEvents clientEvents,
                                  HistoryFilter history) {
        this.events = events;
        this.state = state;
        this.clientEvents = clientEvents;
        this.history = history;
    }

    RoomEventSearchResults assemble(String user, RoomEventSearch search, SearchQuery query, long count, Page page) {
        Map<String, JsonObject> formatted = formatted(user, page.found());
        Map<String, Context> contexts = search.eventContext() == null ? Map.of()
                : contexts(user, page.found(), search.eventContext());
        List<Result> results = page.found().stream().map(f -> new Result(f.hit().rank(),
                formatted.get(f.hit().eventId()), contexts.get(f.hit().eventId()))).toList();
        return new RoomEventSearchResults(count, highlights(query, page.found(), formatted), results,
                page.next() == null ? null : page.next().format(),
                search.includeState() ? state(user, page.found()) : null,
                groups(search.groupBy(), page));
    }

    /** The events of the page as the user sees them, formatted room by room (one relations query per room). */
    private Map<String, JsonObject> formatted(String user, List<Found> found) {
        Map<String, List<StoredEvent>> byRoom = new LinkedHashMap<>();
        found.forEach(f -> byRoom.computeIfAbsent(f.event().pdu().roomId(), r -> new ArrayList<>()).add(f.event()));
        Map<String, JsonObject> formatted = new HashMap<>();
        byRoom.forEach((room, stored) -> {
            List<JsonObject> json = clientEvents.formatFor(user, room, stored, true);
            for (int i = 0; i < stored.size(); i++) {
                formatted.put(stored.get(i).pdu().eventId(), json.get(i));
            }
        });
        return formatted;
    }

    /**
     * The events around each result that the user may see, with tokens to paginate from there (as {@code /context}):
     * two page reads per result, and one visibility check for all of them.
     */
    private Map<String, Context> contexts(String user, List<Found> found, RoomEventSearch.EventContext wanted) {
        Map<String, List<StoredEvent>> before = new HashMap<>();
        Map<String, List<StoredEvent>> after = new HashMap<>();
        List<StoredEvent> around = new ArrayList<>();
        for (Found f : found) {
            String room = f.event().pdu().roomId();
            long at = f.event().streamOrdering();
            before.put(f.hit().eventId(), wanted.beforeLimit() == 0 ? List.of()
                    : events.page(room, at, null, EventStore.Direction.BACKWARDS, wanted.beforeLimit()));
            after.put(f.hit().eventId(), wanted.afterLimit() == 0 ? List.of()
                    : events.page(room, at, null, EventStore.Direction.FORWARDS, wanted.afterLimit()));
            around.addAll(before.get(f.hit().eventId()));
            around.addAll(after.get(f.hit().eventId()));
        }
        Set<String> visible = history.visibleIds(user, around);
        Map<String, Context> contexts = new HashMap<>();
        for (Found f : found) {
            String id = f.hit().eventId();
            contexts.put(id, context(user, f.event(), visibleOnly(before.get(id), visible),
                    visibleOnly(after.get(id), visible), wanted.includeProfile()));
        }
        return contexts;
    }

    private Context context(String user, StoredEvent result, List<StoredEvent> before, List<StoredEvent> after,
                            boolean includeProfile) {
        String room = result.pdu().roomId();
        String start = StreamToken.format((before.isEmpty() ? result : before.getLast()).streamOrdering() - 1);
        StoredEvent last = after.isEmpty() ? result : after.getLast();
        Map<String, JsonObject> profiles = null;
        if (includeProfile) {
            Set<String> senders = new LinkedHashSet<>();
            before.forEach(e -> senders.add(e.pdu().sender()));
            senders.add(result.pdu().sender());
            after.forEach(e -> senders.add(e.pdu().sender()));
            profiles = profiles(room, senders, last.streamOrdering());
        }
        return new Context(clientEvents.formatFor(user, room, before, true),
                clientEvents.formatFor(user, room, after, true), start,
                StreamToken.format(last.streamOrdering()), profiles);
    }

    private static List<StoredEvent> visibleOnly(List<StoredEvent> events, Set<String> visible) {
        return events.stream().filter(e -> visible.contains(e.pdu().eventId())).toList();
    }

    /** Each sender's display name and avatar as their member event had them at {@code atOrBefore}. */
    private Map<String, JsonObject> profiles(String room, Set<String> senders, long atOrBefore) {
        Map<String, JsonObject> profiles = new LinkedHashMap<>();
        for (String sender : senders) {
            events.latestState(room, MEMBER, sender, atOrBefore).ifPresent(member -> {
                JsonObject content = clientEvents.format(room, member, false).object("content")
                        .orElse(JsonObject.EMPTY);
                JsonObject.Builder profile = JsonObject.builder();
                content.get("displayname").ifPresent(v -> profile.put("displayname", v));
                content.get("avatar_url").ifPresent(v -> profile.put("avatar_url", v));
                profiles.put(sender, profile.build());
            });
        }
        return profiles;
    }

    /**
     * The query's words and the words of the results they matched (which clients cannot know from prefixes), in each
     * result as it was found: an edited message in its latest version (the {@code m.new_content} of the bundled
     * {@code m.replace}).
     */
    private static List<String> highlights(SearchQuery query, List<Found> found, Map<String, JsonObject> formatted) {
        Set<String> words = new LinkedHashSet<>(query.highlights());
        for (Found f : found) {
            Optional<String> edited = latestBody(formatted.get(f.hit().eventId()));
            if (edited.isPresent()) {
                words.addAll(query.matchedWords(SearchText.indexed(edited.get())));
            } else {
                SearchField.of(f.event().pdu()).ifPresent(s -> words.addAll(query.matchedWords(s.indexedText())));
            }
        }
        return List.copyOf(words);
    }

    /** The body of the edit bundled with a formatted event ({@code unsigned.m.relations.m.replace}), if any. */
    private static Optional<String> latestBody(JsonObject event) {
        return Optional.ofNullable(event).flatMap(e -> e.object("unsigned")).flatMap(u -> u.object("m.relations"))
                .flatMap(r -> r.object("m.replace")).flatMap(edit -> edit.object("content"))
                .flatMap(c -> c.object("m.new_content")).flatMap(c -> c.string("body"));
    }

    /**
     * The current state of the results' rooms the user is joined to. Of rooms they have left, nothing: their state
     * has moved on since the user could see it.
     */
    private Map<String, List<JsonObject>> state(String user, List<Found> found) {
        Map<String, List<JsonObject>> rooms = new LinkedHashMap<>();
        Set<String> joined = Set.copyOf(state.roomsWith(user, "join"));
        found.stream().map(f -> f.event().pdu().roomId()).distinct().filter(joined::contains).forEach(room ->
                rooms.put(room, clientEvents.formatIds(room, List.copyOf(state.current(room).values()), true)));
        return rooms;
    }

    private static Map<String, Map<String, Group>> groups(Set<RoomEventSearch.Grouping> groupings, Page page) {
        Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
        for (RoomEventSearch.Grouping grouping : groupings) {
            boolean byRoom = grouping == RoomEventSearch.Grouping.ROOM_ID;
            Function<Found, String> key = f -> byRoom ? f.event().pdu().roomId() : f.event().pdu().sender();
            Map<String, List<String>> members = new LinkedHashMap<>();
            page.found().forEach(f -> members.computeIfAbsent(key.apply(f), k -> new ArrayList<>())
                    .add(f.hit().eventId()));
            Map<String, Group> group = new LinkedHashMap<>();
            int order = 0;
            for (Map.Entry<String, List<String>> entry : members.entrySet()) {
                String next = byRoom && page.next() != null ? page.next().inRoom(entry.getKey()).format() : null;
                group.put(entry.getKey(), new Group(entry.getValue(), ++order, next));
            }
            groups.put(grouping.key(), group);
        }
        return groups;
    }
}
