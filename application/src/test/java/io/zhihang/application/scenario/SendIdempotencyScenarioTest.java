package io.zhihang.application.scenario;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.RoomTestHomeserver.password;
import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client retries a send when it is unsure the first attempt arrived: the same transaction id from the same device
 * names the same event, and nothing new is stored. Transaction ids are scoped to the device that chose them.
 */
class SendIdempotencyScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final String roomId = hs.createRoom(alice, "public_chat");

    SendIdempotencyScenarioTest() {
        hs.membership.join(bob, roomId, null);
    }

    @Test
    void a_retried_send_returns_the_first_event_and_stores_nothing_new() {
        String first = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello"), "m1");
        int stored = hs.events.size();

        String retry = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello"), "m1");

        assertThat(retry).isEqualTo(first);
        assertThat(hs.events.size()).isEqualTo(stored);
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("Hello");
    }

    @Test
    void a_retry_with_other_content_still_names_the_first_event() {
        String first = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello"), "m1");

        String retry = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello again"), "m1");

        assertThat(retry).isEqualTo(first);
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("Hello");
    }

    @Test
    void new_transaction_ids_make_new_events() {
        String first = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello"), "m1");
        String second = hs.sendEvent.send(alice, roomId, "m.room.message", text("Hello"), "m2");

        assertThat(second).isNotEqualTo(first);
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("Hello", "Hello");
    }

    @Test
    void the_same_transaction_id_from_another_device_of_the_same_user_is_another_event() {
        Requester alicesPhone = hs.server.authenticate(hs.server.login("alice", password("alice"), "PHONE"));
        String fromLaptop = hs.sendEvent.send(alice, roomId, "m.room.message", text("From the laptop"), "m1");

        String fromPhone = hs.sendEvent.send(alicesPhone, roomId, "m.room.message", text("From the phone"), "m1");

        assertThat(fromPhone).isNotEqualTo(fromLaptop);
        assertThat(hs.sendEvent.send(alicesPhone, roomId, "m.room.message", text("From the phone"), "m1"))
                .isEqualTo(fromPhone);
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("From the laptop", "From the phone");
    }

    @Test
    void the_same_transaction_id_from_another_user_is_another_event() {
        String alices = hs.sendEvent.send(alice, roomId, "m.room.message", text("Alice here"), "m1");

        String bobs = hs.sendEvent.send(bob, roomId, "m.room.message", text("Bob here"), "m1");

        assertThat(bobs).isNotEqualTo(alices);
        assertThat(hs.messagesSeenBy(alice, roomId)).containsExactly("Alice here", "Bob here");
    }

    @Test
    void a_retried_redaction_redacts_once() {
        String message = hs.say(alice, roomId, "Oops");
        String redaction = hs.sendEvent.redact(alice, roomId, message, "typo", "r1");
        int stored = hs.events.size();

        assertThat(hs.sendEvent.redact(alice, roomId, message, "typo", "r1")).isEqualTo(redaction);
        assertThat(hs.events.size()).isEqualTo(stored);
    }

    @Test
    void a_refused_send_does_not_use_up_its_transaction_id() {
        Requester carol = hs.register("carol");
        assertThat(refusal(() -> hs.sendEvent.send(carol, roomId, "m.room.message", text("Hi?"), "m1")).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(hs.txnIds.size()).isZero();

        hs.membership.join(carol, roomId, null);
        String sent = hs.sendEvent.send(carol, roomId, "m.room.message", text("Hi!"), "m1");

        assertThat(hs.queries.event(alice, roomId, sent).object("content")).contains(text("Hi!"));
    }
}
