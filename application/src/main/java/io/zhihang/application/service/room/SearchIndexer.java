package io.zhihang.application.service.room;

import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.port.out.search.UserDirectory;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.search.SearchField;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the search indexes in step with stored events, in the same transaction: the searchable text of messages,
 * room names and topics goes into the {@link EventSearchIndex} (a redaction takes its target out), and a room's join
 * rule into the {@link UserDirectory}. Events of other types cost nothing.
 */
@ApplicationScoped
public class SearchIndexer {
    private static final String JOIN_RULES = "m.room.join_rules";

    private final EventSearchIndex index;
    private final UserDirectory directory;

    public SearchIndexer(EventSearchIndex index, UserDirectory directory) {
        this.index = index;
        this.directory = directory;
    }

    /** After {@code pdu} was stored at {@code streamOrdering}. */
    public void stored(Pdu pdu, long streamOrdering) {
        SearchField.of(pdu).ifPresent(s -> index.add(List.of(entry(pdu, s, streamOrdering))));
        pdu.redacts().ifPresent(index::remove);
        if (pdu.type().equals(JOIN_RULES) && pdu.stateKey().filter(String::isEmpty).isPresent()) {
            directory.joinRuleChanged(pdu.roomId(), pdu.content().string("join_rule").orElse(null));
        }
    }

    /** After a batch of message events was stored: at most one write for all of them. */
    public void storedMessages(List<Pdu> pdus, List<Long> streamOrderings) {
        List<EventSearchIndex.Entry> entries = messageEntries(pdus, streamOrderings);
        if (!entries.isEmpty()) {
            index.add(entries);
        }
    }

    /**
     * The entries of a batch of message events, for a writer that stores them itself; null {@code streamOrderings}
     * leaves them 0, for a store that fills them in as it stores the events.
     */
    public List<EventSearchIndex.Entry> messageEntries(List<Pdu> pdus, List<Long> streamOrderings) {
        List<EventSearchIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < pdus.size(); i++) {
            Pdu pdu = pdus.get(i);
            long ordering = streamOrderings == null ? 0 : streamOrderings.get(i);
            SearchField.of(pdu).ifPresent(s -> entries.add(entry(pdu, s, ordering)));
        }
        return entries;
    }

    private static EventSearchIndex.Entry entry(Pdu pdu, SearchField.Searchable searchable, long ordering) {
        String messageType = searchable.field() == SearchField.BODY
                ? MessageType.of(pdu.type(), pdu.content()).map(MessageType::seedName).orElse(null) : null;
        return new EventSearchIndex.Entry(pdu.eventId(), pdu.roomId(), pdu.sender(), searchable.field(),
                searchable.indexedText(), ordering, messageType);
    }
}
