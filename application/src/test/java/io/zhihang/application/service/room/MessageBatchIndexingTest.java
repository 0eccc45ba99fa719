package io.zhihang.application.service.room;

import io.zhihang.application.fakes.InMemoryMessageLog;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.scenario.RoomTestHomeserver;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit indexes a whole batch of messages at once, each under its own event id and stream ordering. */
class MessageBatchIndexingTest {
    @Test
    void a_batch_of_messages_is_indexed_with_the_batch() {
        RoomTestHomeserver hs = new RoomTestHomeserver();
        Requester alice = hs.register("alice");
        String roomId = hs.createRoom(alice, "private_chat");
        MessageBatchWriter batches = new MessageBatchWriter(new InMemoryMessageLog(hs.rooms, hs.events, hs.txnIds),
                hs.writer, hs.server.clock, hs.stream, hs.edits);

        List<Object> outcomes = batches.write(roomId, List.of(
                new PendingMessage(message(alice, "first batched"), null),
                new PendingMessage(EventDraft.message("m.reaction", alice.userId().toString(),
                        JsonObject.EMPTY), null),
                new PendingMessage(message(alice, "second batched"), null))).outcomes();

        List<EventSearchIndex.Entry> indexed = hs.searchIndex.all().stream()
                .filter(e -> e.indexedText().contains("batched")).toList();
        assertThat(indexed).extracting(EventSearchIndex.Entry::eventId).containsExactly((String) outcomes.get(0), (String) outcomes.get(2));
        assertThat(indexed).extracting(e -> hs.events.find(e.eventId()).orElseThrow().streamOrdering())
                .containsExactly(indexed.get(0).streamOrdering(), indexed.get(1).streamOrdering());
    }

    private static EventDraft message(Requester sender, String body) {
        return EventDraft.message("m.room.message", sender.userId().toString(), RoomTestHomeserver.text(body));
    }
}
