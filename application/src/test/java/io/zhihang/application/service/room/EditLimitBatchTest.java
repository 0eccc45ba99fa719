package io.zhihang.application.service.room;

import io.zhihang.application.scenario.RoomTestHomeserver;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.lifecycle.LifecycleRefusal;
import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits sent together end up in one group-commit batch, where none is stored before all are checked: the batch counts
 * the edits it admitted itself, so together they cannot pass the limit either.
 */
class EditLimitBatchTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final String roomId = hs.createRoom(alice, "private_chat");

    private PendingMessage edit(String originalId, String body) {
        JsonObject content = RoomTestHomeserver.text("* " + body).toBuilder()
                .put("m.new_content", RoomTestHomeserver.text(body))
                .put("m.relates_to", JsonObject.builder().put("rel_type", "m.replace").put("event_id", originalId)
                        .build())
                .build();
        return new PendingMessage(EventDraft.message("m.room.message", alice.userId().toString(), content), null);
    }

    @Test
    void a_batch_of_edits_admits_only_up_to_the_limit() {
        String message = hs.say(alice, roomId, "v0");
        for (int i = 1; i <= 3; i++) {
            hs.say(alice, roomId, "noise " + i);
        }
        hs.messageBatches.write(roomId, List.of(edit(message, "v1"), edit(message, "v2"), edit(message, "v3")));

        List<Object> outcomes = hs.messageBatches.write(roomId, List.of(
                edit(message, "v4"),
                new PendingMessage(EventDraft.message("m.room.message", alice.userId().toString(),
                        RoomTestHomeserver.text("plain")), null),
                edit(message, "v5"), edit(message, "v6"), edit(message, "v7"))).outcomes();

        assertThat(outcomes.subList(0, 3)).allMatch(String.class::isInstance);
        assertThat(outcomes.subList(3, 5)).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(LifecycleRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.EDIT_LIMIT_REACHED)));
        assertThat(hs.events.countReplacements(roomId, message, alice.userId().toString())).isEqualTo(5);
    }
}
