package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.port.out.search.UserDirectory;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.search.SearchField;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the search indexes in step with stored events, in the same transaction: the searchable text of messages,
 * room names and topics goes into the {@link EventSearchIndex} (an edit replaces its message's text, a redaction
 * takes its target out), and a room's join rule and history visibility into the {@link UserDirectory}. Events of other types cost nothing.
 */
@ApplicationScoped
public class SearchIndexer {
    private static final String JOIN_RULES = "m.room.join_rules";
    private static final String HISTORY_VISIBILITY = "m.room.history_visibility";
    private static final String REPLACE = "m.replace";

    private final EventSearchIndex index;
    private final UserDirectory directory;
    private final EventStore events;

    public SearchIndexer(EventSearchIndex index, UserDirectory directory, EventStore events) {
        this.index = index;
        this.directory = directory;
        this.events = events;
    }

    /** After {@code pdu} was stored at {@code streamOrdering}. */
    public void stored(Pdu pdu, long streamOrdering) {
        SearchField.of(pdu).ifPresent(s -> index.add(List.of(entry(pdu, s, streamOrdering))));
        replaced(pdu);
        pdu.redacts().ifPresent(this::redacted);
        if (pdu.type().equals(JOIN_RULES) && pdu.stateKey().filter(String::isEmpty).isPresent()) {
            directory.joinRuleChanged(pdu.roomId(), pdu.content().string("join_rule").orElse(null));
        }
        if (pdu.type().equals(HISTORY_VISIBILITY) && pdu.stateKey().filter(String::isEmpty).isPresent()) {
            directory.historyVisibilityChanged(pdu.roomId(),
                    pdu.content().string("history_visibility").orElse(null));
        }
    }

    /** After a batch of message events was stored: at most one write for all of them. */
    public void storedMessages(List<Pdu> pdus, List<Long> streamOrderings) {
        List<EventSearchIndex.Entry> entries = messageEntries(pdus, streamOrderings);
        if (!entries.isEmpty()) {
            index.add(entries);
        }
        pdus.forEach(this::replaced);
    }

    /**
     * A redacted event leaves the index. A redacted edit gives its message back the text of the latest edit left (or
     * its own): the redaction is stored, so the edits read here are the remaining ones.
     */
    private void redacted(String target) {
        index.remove(target);
        events.find(target).flatMap(e -> SearchField.replacement(e.pdu()))
                .flatMap(edit -> events.find(edit.eventId())).filter(original -> !original.isRedacted())
                .ifPresent(this::reindexLatest);
    }

    /** Indexes a message in its latest version: its sender's latest edit, or the message itself. */
    private void reindexLatest(StoredEvent original) {
        Pdu pdu = original.pdu();
        Optional<RelatedEvent> latest = events.relationsOf(pdu.roomId(), List.of(pdu.eventId()), List.of(REPLACE))
                .stream().filter(r -> r.sender().equals(pdu.sender()) && r.full() != null)
                .max(Comparator.comparingLong(RelatedEvent::streamOrdering));
        if (latest.isPresent()) {
            replaced(latest.get().full());
            return;
        }
        SearchField.of(pdu).ifPresent(own -> index.replaceText(pdu.eventId(), pdu.sender(), own.indexedText(),
                MessageType.of(pdu.type(), pdu.content()).map(MessageType::seedName).orElse(null)));
    }

    /**
     * An edit gives the message it replaces its new text (edits have no entry of their own: a search finds the
     * message, in its latest version). The message type follows the new content's {@code msgtype} if it has one.
     */
    private void replaced(Pdu pdu) {
        SearchField.replacement(pdu).ifPresent(r -> index.replaceText(r.eventId(), pdu.sender(),
                r.searchable().indexedText(), r.newContent().has("msgtype")
                        ? MessageType.of(pdu.type(), r.newContent()).map(MessageType::seedName).orElse(null) : null));
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
