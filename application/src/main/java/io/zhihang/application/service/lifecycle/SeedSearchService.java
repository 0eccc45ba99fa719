package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.lifecycle.SeedMessage;
import io.zhihang.application.port.in.lifecycle.SeedSearch;
import io.zhihang.application.port.in.lifecycle.SeedSearchPage;
import io.zhihang.application.port.in.lifecycle.SeedSearchQuery;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.search.SearchableRooms;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchQuery;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's message search on the full-text index of {@code /search} (ADR 0005): message bodies in the requester's
 * searchable rooms, within the stretches of history they may see, narrowed by chat, sender, type and dates (dates
 * become stream ranges per room), most recent first. Pages are counted from 1; the total is exact.
 */
@ApplicationScoped
public class SeedSearchService implements SeedSearchQuery {
    /** Pages past this many results are refused: deep pages would read every result before them. */
    static final int MAX_DEPTH = 10_000;

    private final EventSearchIndex index;
    private final EventStore events;
    private final SearchableRooms searchable;
    private final HistoryFilter history;
    private final SeedIds ids;
    private final SeedMessageViews views;

    public SeedSearchService(EventSearchIndex index, EventStore events, SearchableRooms searchable,
                             HistoryFilter history, SeedIds ids, SeedMessageViews views) {
        this.index = index;
        this.events = events;
        this.searchable = searchable;
        this.history = history;
        this.ids = ids;
        this.views = views;
    }

    @Override
    public SeedSearchPage search(Requester requester, SeedSearch search) {
        if (search.query() == null || search.query().isBlank()) {
            throw DomainException.missingParam("query is required");
        }
        if ((long) search.page() * search.pageSize() > MAX_DEPTH) {
            throw DomainException.invalidParam("Only the first " + MAX_DEPTH + " results can be paged through");
        }
        SearchQuery query = SearchQuery.parse(search.query());
        String user = requester.userId().toString();
        String onlyRoom = search.chat() == null || search.chat().isBlank() ? null : ids.room(search.chat());
        List<String> sender = search.sender() == null || search.sender().isBlank() ? null
                : List.of(ids.user(search.sender()).toString());
        if (query.isEmpty()) {
            return new SeedSearchPage(List.of(), search.page(), search.pageSize(), 0);
        }
        List<String> rooms = searchable.of(user, room -> onlyRoom == null || onlyRoom.equals(room));
        Map<String, List<HistorySpans.Span>> spans = withinDates(history.visibleSpans(user, rooms), search.from(),
                search.to());
        if (spans.isEmpty()) {
            return new SeedSearchPage(List.of(), search.page(), search.pageSize(), 0);
        }
        EventSearchIndex.Criteria criteria = new EventSearchIndex.Criteria(query, spans, Set.of(SearchField.BODY),
                sender, null, search.type() == null ? null : List.of(search.type().seedName()));
        long total = index.count(criteria);
        int skip = (search.page() - 1) * search.pageSize();
        List<EventSearchIndex.Hit> hits = skip >= total ? List.of()
                : index.search(criteria, EventSearchIndex.Order.RECENT, null, skip + search.pageSize());
        List<String> pageIds = hits.stream().skip(skip).map(EventSearchIndex.Hit::eventId).toList();
        Map<String, StoredEvent> found = new LinkedHashMap<>();
        events.findAll(pageIds).forEach(e -> found.put(e.pdu().eventId(), e));
        List<SeedMessage> messages = new ArrayList<>();
        for (String id : pageIds) {
            StoredEvent stored = found.get(id);
            if (stored != null && !stored.isRedacted()) {
                messages.add(views.view(stored));
            }
        }
        return new SeedSearchPage(messages, search.page(), search.pageSize(), total);
    }

    /** Each room's spans cut to the events sent within {@code [from, to)}. */
    private Map<String, List<HistorySpans.Span>> withinDates(Map<String, List<HistorySpans.Span>> rooms,
                                                             Instant from, Instant to) {
        if (from == null && to == null) {
            return rooms;
        }
        Map<String, List<HistorySpans.Span>> out = new LinkedHashMap<>();
        rooms.forEach((room, spans) -> {
            long lower = from == null ? 0 : events.closestTo(room, from.toEpochMilli(), EventStore.Direction.FORWARDS)
                    .map(StoredEvent::streamOrdering).orElse(Long.MAX_VALUE);
            long upper = to == null ? Long.MAX_VALUE
                    : events.closestTo(room, to.toEpochMilli(), EventStore.Direction.FORWARDS)
                    .map(StoredEvent::streamOrdering).orElse(Long.MAX_VALUE);
            List<HistorySpans.Span> cut = spans.stream()
                    .map(s -> new HistorySpans.Span(Math.max(s.from(), lower), Math.min(s.to(), upper)))
                    .filter(s -> s.from() < s.to()).toList();
            if (!cut.isEmpty()) {
                out.put(room, cut);
            }
        });
        return out;
    }
}
