package io.zhihang.application.port.out.search;

import io.zhihang.domain.room.HistorySpans;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchQuery;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full-text index of searchable events (Synapse's {@code event_search}): one entry per message body (in the
 * message's latest version: edits replace its text and have no entry of their own), room name or topic, written in
 * the transaction that stores the event and removed when the event is redacted.
 */
public interface EventSearchIndex {
    /** Best match first (then most recent first), or most recent first. */
    enum Order { RANK, RECENT }

    /**
     * An event's searchable text, in {@link io.zhihang.domain.search.SearchText#indexed indexed form}, and for message
     * bodies the seed API's message type ({@code text}, {@code image}, …; null otherwise).
     */
    record Entry(String eventId, String roomId, String sender, SearchField field, String indexedText,
                 long streamOrdering, String messageType) {
    }

    /**
     * What to look for.
     *
     * @param rooms      the rooms to search, each with the stretches of its stream to search in (the searcher's
     *                   visible history: {@link HistorySpans#visible})
     * @param senders    only events of these senders; null for anyone
     * @param notSenders no events of these senders
     * @param messageTypes only message bodies of these types; null for any entry
     */
    record Criteria(SearchQuery query, Map<String, List<HistorySpans.Span>> rooms, Set<SearchField> fields,
                    Collection<String> senders, Collection<String> notSenders, Collection<String> messageTypes) {
        public Criteria {
            rooms = Collections.unmodifiableMap(new LinkedHashMap<>(rooms));
            fields = Set.copyOf(fields);
            senders = senders == null ? null : List.copyOf(senders);
            notSenders = notSenders == null ? List.of() : List.copyOf(notSenders);
            messageTypes = messageTypes == null ? null : List.copyOf(messageTypes);
        }

        public Criteria(SearchQuery query, Map<String, List<HistorySpans.Span>> rooms, Set<SearchField> fields,
                        Collection<String> senders, Collection<String> notSenders) {
            this(query, rooms, fields, senders, notSenders, null);
        }
    }

    /**
     * A match. {@code rank} is higher for closer matches; it compares only within one store and one query (full-text
     * rank on PostgreSQL, number of occurrences elsewhere).
     */
    record Hit(String eventId, String roomId, long streamOrdering, double rank) {
    }

    /** Adds entries (one batched write). */
    void add(List<Entry> entries);

    /** Forgets the entry of an event, if it has one. */
    void remove(String eventId);

    /**
     * Gives a message its latest text (an edit by its sender): the entry of {@code eventId}, if it has one and
     * {@code sender} sent it, gets {@code indexedText}, and {@code messageType} unless that is null. Its place in the
     * stream stays the message's own.
     */
    void replaceText(String eventId, String sender, String indexedText, String messageType);

    /**
     * The matches in {@code order}, RANK: by rank, then stream ordering, both descending; RECENT: by stream ordering
     * descending. Starts after {@code after} (exclusive; null for the start), at most {@code limit}.
     */
    List<Hit> search(Criteria criteria, Order order, Hit after, int limit);

    /** How many entries match in all (within the rooms' stretches). */
    long count(Criteria criteria);
}
