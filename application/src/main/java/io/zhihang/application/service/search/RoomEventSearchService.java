package io.zhihang.application.service.search;

import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.application.port.in.search.RoomEventSearchResults;
import io.zhihang.application.port.in.search.SearchQueries;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.port.out.search.EventSearchIndex.Hit;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchFilter;
import io.zhihang.domain.search.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /search}, {@code room_events}: full-text search over the rooms the searcher is in or has left (not
 * forgotten, not end-to-end encrypted), showing only events that history visibility lets them see, never redacted
 * ones. The {@link EventSearchIndex} is asked only for the stretches of each room's history the searcher may see
 * ({@link HistoryFilter#visibleSpans}), so counts say nothing of hidden events; each page of matches is checked
 * again event by event ({@link HistoryFilter#visibleIds}) and against the rest of the filter. When that drops
 * matches, a page is filled from up to {@value #MAX_ROUNDS} batches (Synapse's approach), and its
 * {@code next_batch} continues after the last match looked at.
 */
@ApplicationScoped
public class RoomEventSearchService implements SearchQueries {
    static final int MAX_ROUNDS = 5;
    private final EventSearchIndex index;
    private final EventStore events;
    private final SearchableRooms searchable;
    private final HistoryFilter history;
    private final SearchResultsAssembler assembler;

    public RoomEventSearchService(EventSearchIndex index, EventStore events, SearchableRooms searchable,
                                  HistoryFilter history, SearchResultsAssembler assembler) {
        this.index = index;
        this.events = events;
        this.searchable = searchable;
        this.history = history;
        this.assembler = assembler;
    }

    /** A page of results: the matches shown, and where the next page starts (null: there is none). */
    record Page(List<Found> found, SearchCursor next) {
    }

    /** A match the searcher may see, with its event. */
    record Found(Hit hit, StoredEvent event) {
    }

    @Override
    @Transactional
    public RoomEventSearchResults searchRoomEvents(RoomEventSearch search) {
        String user = search.requester().userId().toString();
        SearchCursor cursor = search.nextBatch() == null ? null : SearchCursor.parse(search.nextBatch(), search.order());
        SearchQuery query = SearchQuery.parse(search.searchTerm());
        Set<SearchField> fields = search.filter().fields(search.keys());
        if (query.isEmpty() || fields.isEmpty()) {
            return RoomEventSearchResults.NONE;
        }
        Map<String, List<HistorySpans.Span>> rooms = history.visibleSpans(user,
                searchableRooms(user, search.filter(), cursor));
        if (rooms.isEmpty()) {
            return RoomEventSearchResults.NONE;
        }
        EventSearchIndex.Criteria criteria = new EventSearchIndex.Criteria(query, rooms, fields,
                search.filter().events().senders(), search.filter().events().notSenders());
        Page page = page(user, criteria, search, cursor);
        return assembler.assemble(user, search, query, index.count(criteria), page);
    }

    /** The searchable rooms as the filter narrows them and a room group's token scopes them. */
    private List<String> searchableRooms(String user, SearchFilter filter, SearchCursor cursor) {
        return searchable.of(user, room -> !filter.rooms(List.of(room)).isEmpty()
                && (cursor == null || cursor.roomId() == null || cursor.roomId().equals(room)));
    }

    private Page page(String user, EventSearchIndex.Criteria criteria, RoomEventSearch search, SearchCursor cursor) {
        int limit = search.filter().limit();
        int batch = Math.max(2 * limit, 10);
        EventSearchIndex.Order order = search.order() == RoomEventSearch.Order.RECENT
                ? EventSearchIndex.Order.RECENT : EventSearchIndex.Order.RANK;
        List<Found> found = new ArrayList<>();
        Hit after = cursor == null ? null : cursor.position();
        boolean exhausted = limit == 0;
        for (int round = 0; round < MAX_ROUNDS && found.size() < limit; round++) {
            List<Hit> hits = index.search(criteria, order, after, batch);
            Map<String, StoredEvent> visible = visible(user, hits, search.filter());
            int looked = 0;
            for (; looked < hits.size() && found.size() < limit; looked++) {
                after = hits.get(looked);
                StoredEvent event = visible.get(after.eventId());
                if (event != null) {
                    found.add(new Found(after, event));
                }
            }
            if (hits.size() < batch && looked == hits.size()) {
                exhausted = true;
                break;
            }
        }
        String room = cursor == null ? null : cursor.roomId();
        return new Page(found, exhausted || after == null ? null : SearchCursor.after(search.order(), after, room));
    }

    /** The matches the user may see: not redacted, passing the filter and history visibility; by event id. */
    private Map<String, StoredEvent> visible(String user, List<Hit> hits, SearchFilter filter) {
        if (hits.isEmpty()) {
            return Map.of();
        }
        List<StoredEvent> candidates = events.findAll(hits.stream().map(Hit::eventId).toList()).stream()
                .filter(e -> !e.isRedacted() && filter.events().matches(e.pdu()))
                .toList();
        Set<String> shown = history.visibleIds(user, candidates);
        return candidates.stream().filter(e -> shown.contains(e.pdu().eventId()))
                .collect(Collectors.toMap(e -> e.pdu().eventId(), Function.identity()));
    }
}
