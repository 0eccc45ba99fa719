package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.scenario.RoomTestHomeserver;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.EventDraft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages written together (group commit) are evaluated together, each with its own stream ordering. */
class MessageBatchNotificationsTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");

    @Test
    void every_message_of_a_batch_notifies_the_other_members() {
        String roomId = hs.createRoom(alice, "public_chat");
        hs.membership.join(bob, roomId, null);
        String aliceId = alice.userId().toString();
        String bobId = bob.userId().toString();

        List<Object> outcomes = hs.messageBatches.write(roomId, List.of(
                pending(aliceId, "one", "t1"), pending(bobId, "two", "t2"), pending(aliceId, "three bob", "t3"))).outcomes();

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(String.class));
        assertThat(hs.notificationStore.all()).extracting(n -> n.userId() + " " + n.eventId() + " " + n.highlight())
                .containsExactly(bobId + " " + outcomes.get(0) + " false",
                        aliceId + " " + outcomes.get(1) + " false",
                        bobId + " " + outcomes.get(2) + " true");
        assertThat(hs.notificationStore.all()).allSatisfy(n -> assertThat(n.streamOrdering())
                .isEqualTo(hs.events.find(n.eventId()).orElseThrow().streamOrdering()));
    }

    private PendingMessage pending(String sender, String body, String txnId) {
        Requester who = sender.equals(alice.userId().toString()) ? alice : bob;
        return new PendingMessage(EventDraft.message("m.room.message", sender, RoomTestHomeserver.text(body)),
                new MessageLog.Txn(who.userId(), who.deviceId(), txnId));
    }
}
