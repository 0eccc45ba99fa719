package io.zhihang.application.fakes;

import io.zhihang.application.port.out.search.EventSearchIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Search entries in a map, matched by the domain's {@code SearchQuery} and ranked by occurrences, as the H2 store
 * does; for tests.
 */
public class InMemoryEventSearchIndex implements EventSearchIndex {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void add(List<Entry> added) {
        added.forEach(e -> entries.put(e.eventId(), e));
    }

    @Override
    public synchronized void remove(String eventId) {
        entries.remove(eventId);
    }

    @Override
    public synchronized void replaceText(String eventId, String sender, String indexedText, String messageType) {
        entries.computeIfPresent(eventId, (id, e) -> !e.sender().equals(sender) ? e
                : new Entry(e.eventId(), e.roomId(), e.sender(), e.field(), indexedText, e.streamOrdering(),
                        messageType == null ? e.messageType() : messageType));
    }

    @Override
    public synchronized List<Hit> search(Criteria criteria, Order order, Hit after, int limit) {
        Comparator<Hit> byRecent = Comparator.comparingLong(Hit::streamOrdering).reversed();
        Comparator<Hit> comparator = order == Order.RECENT ? byRecent
                : Comparator.comparingDouble(Hit::rank).reversed().thenComparing(byRecent);
        return matches(criteria)
                .map(e -> new Hit(e.eventId(), e.roomId(), e.streamOrdering(),
                        criteria.query().occurrences(e.indexedText())))
                .sorted(comparator)
                .filter(hit -> after == null || comparator.compare(hit, after) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long count(Criteria criteria) {
        return matches(criteria).count();
    }

    /** Every entry, for assertions. */
    public synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    private Stream<Entry> matches(Criteria criteria) {
        return entries.values().stream()
                .filter(e -> criteria.rooms().getOrDefault(e.roomId(), List.of()).stream()
                        .anyMatch(span -> span.contains(e.streamOrdering())))
                .filter(e -> criteria.fields().contains(e.field()))
                .filter(e -> criteria.senders() == null || criteria.senders().contains(e.sender()))
                .filter(e -> !criteria.notSenders().contains(e.sender()))
                .filter(e -> criteria.messageTypes() == null || criteria.messageTypes().contains(e.messageType()))
                .filter(e -> criteria.query().matches(e.indexedText()));
    }
}
