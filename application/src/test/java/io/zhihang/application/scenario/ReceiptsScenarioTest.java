package io.zhihang.application.scenario;

import io.zhihang.application.port.in.userdata.RoomRead;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice and Bob talk in a room and mark what they have read: public and private receipts, threaded receipts, the
 * read marker, and what each of them sees of it through the sync queries.
 */
class ReceiptsScenarioTest {
    private final UserDataTestHomeserver hs = new UserDataTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();
    private final String roomId = hs.rooms.createRoom(alice, "private_chat", bobId);

    {
        hs.rooms.membership.join(bob, roomId, null);
    }

    @Test
    void a_read_receipt_is_seen_by_the_room_and_wakes_its_members() {
        String hello = hs.rooms.say(alice, roomId, "Hello");
        long ts = hs.rooms.server.clock.millis();

        hs.receipts.sendReceipt(bob, roomId, "m.read", hello, null);

        assertThat(hs.syncActivity.drain()).containsExactly(SyncActivity.ofRoom(roomId));
        assertThat(hs.sync.receiptPosition()).isEqualTo(1);
        JsonObject expected = receipt(hello, "m.read", bobId, ts, null);
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 0)).containsExactly(Map.entry(roomId, expected));
        assertThat(hs.sync.receiptsSince(bobId, List.of(roomId), 0)).containsExactly(Map.entry(roomId, expected));
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 1)).isEmpty();
        assertThat(hs.sync.receiptsSince(aliceId, List.of(), 0)).isEmpty();
    }

    @Test
    void receipts_never_move_backwards() {
        String first = hs.rooms.say(alice, roomId, "one");
        String second = hs.rooms.say(alice, roomId, "two");
        hs.receipts.sendReceipt(bob, roomId, "m.read", second, null);
        long position = hs.sync.receiptPosition();
        hs.syncActivity.drain();

        hs.receipts.sendReceipt(bob, roomId, "m.read", first, null);
        hs.receipts.sendReceipt(bob, roomId, "m.read", second, null);

        assertThat(hs.sync.receiptPosition()).isEqualTo(position);
        assertThat(hs.syncActivity.fired()).isEmpty();
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 0).get(roomId).members()).containsOnlyKeys(second);

        // Moving forward replaces the receipt: the room shows one receipt of Bob's, on the newer event.
        String third = hs.rooms.say(alice, roomId, "three");
        hs.receipts.sendReceipt(bob, roomId, "m.read", third, null);
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 0).get(roomId).members()).containsOnlyKeys(third);
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), position).get(roomId).members())
                .containsOnlyKeys(third);
    }

    @Test
    void private_receipts_are_seen_only_by_their_owner_and_wake_only_them() {
        String hello = hs.rooms.say(alice, roomId, "Hello");

        hs.receipts.sendReceipt(bob, roomId, "m.read.private", hello, null);

        assertThat(hs.syncActivity.drain()).containsExactly(SyncActivity.ofUser(bobId));
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 0)).isEmpty();
        assertThat(hs.sync.receiptsSince(bobId, List.of(roomId), 0).get(roomId))
                .isEqualTo(receipt(hello, "m.read.private", bobId, hs.rooms.server.clock.millis(), null));

        // A public receipt of Alice's on the same event sits beside it; Alice still sees only hers.
        hs.receipts.sendReceipt(alice, roomId, "m.read", hello, null);
        JsonObject seenByAlice = hs.sync.receiptsSince(aliceId, List.of(roomId), 0).get(roomId);
        assertThat(seenByAlice.object(hello).orElseThrow().members()).containsOnlyKeys("m.read");
        JsonObject seenByBob = hs.sync.receiptsSince(bobId, List.of(roomId), 0).get(roomId);
        assertThat(seenByBob.object(hello).orElseThrow().members()).containsOnlyKeys("m.read", "m.read.private");
        // Both count for Bob's own read position.
        assertThat(hs.sync.readPositions(bobId, List.of(roomId)).room(roomId).mainTimeline()).isPositive();
    }

    @Test
    void threaded_receipts_fit_their_thread_and_count_apart() {
        String root = hs.rooms.say(alice, roomId, "root");
        String reply = hs.replyInThread(alice, roomId, root, "reply");
        String reaction = hs.react(bob, roomId, reply, "👍");
        String later = hs.rooms.say(alice, roomId, "later in the main timeline");
        hs.rooms.server.clock.advance(Duration.ofSeconds(5));

        hs.receipts.sendReceipt(bob, roomId, "m.read", reaction, root);
        hs.receipts.sendReceipt(bob, roomId, "m.read", root, "main");
        hs.receipts.sendReceipt(bob, roomId, "m.read", later, null);

        // An event in a thread does not fit "main", nor another thread; an event outside threads fits no thread.
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", reply, "main")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", reply, later)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", later, root)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", later, "")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);

        JsonObject content = hs.sync.receiptsSince(aliceId, List.of(roomId), 0).get(roomId);
        long ts = hs.rooms.server.clock.millis();
        assertThat(content.object(reaction).orElseThrow()).isEqualTo(JsonObject.builder().put("m.read",
                JsonObject.builder().put(bobId, data(ts, root)).build()).build());
        assertThat(content.object(root).orElseThrow()).isEqualTo(JsonObject.builder().put("m.read",
                JsonObject.builder().put(bobId, data(ts, "main")).build()).build());
        assertThat(content.object(later).orElseThrow()).isEqualTo(JsonObject.builder().put("m.read",
                JsonObject.builder().put(bobId, data(ts, null)).build()).build());

        RoomRead read = hs.sync.readPositions(bobId, List.of(roomId)).room(roomId);
        long rootOrdering = ordering(root);
        long reactionOrdering = ordering(reaction);
        long laterOrdering = ordering(later);
        assertThat(read.unthreaded()).isEqualTo(laterOrdering);
        assertThat(read.threads()).containsOnly(Map.entry(root, reactionOrdering), Map.entry("main", rootOrdering));
        // The unthreaded receipt is the furthest, so it counts for the main timeline and the thread alike.
        assertThat(read.mainTimeline()).isEqualTo(laterOrdering);
        assertThat(read.thread(root)).isEqualTo(laterOrdering);
        assertThat(hs.sync.readPositions(aliceId, List.of(roomId)).room(roomId)).isEqualTo(RoomRead.NONE);
    }

    @Test
    void receipts_are_refused_outside_the_room_for_unknown_events_and_unknown_types() {
        String hello = hs.rooms.say(alice, roomId, "Hello");
        String otherRoom = hs.rooms.createRoom(carol, "public_chat");
        String elsewhere = hs.rooms.say(carol, otherRoom, "Elsewhere");

        assertThat(refusal(() -> hs.receipts.sendReceipt(carol, roomId, "m.read", hello, null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", elsewhere, null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", "$unknown", null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.seen", hello, null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.fully_read", hello, "main")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, "no-room", "m.read", hello, null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.receipts.sendReceipt(bob, roomId, "m.read", "not-an-event", null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(hs.sync.receiptPosition()).isZero();
        assertThat(hs.syncActivity.fired()).isEmpty();
    }

    @Test
    void the_read_marker_is_room_account_data_that_only_moves_forward() {
        String first = hs.rooms.say(alice, roomId, "one");
        String second = hs.rooms.say(alice, roomId, "two");

        hs.receipts.sendReceipt(bob, roomId, "m.fully_read", second, null);
        assertThat(hs.syncActivity.drain()).containsExactly(SyncActivity.ofUser(bobId));
        hs.receipts.setReadMarkers(bob, roomId, first, null, null);

        assertThat(hs.accountData.get(bob, bobId, roomId, "m.fully_read"))
                .isEqualTo(JsonObject.builder().put("event_id", second).build());
        assertThat(hs.sync.accountDataSince(bobId, 0).rooms().get(roomId)).containsOnlyKeys("m.fully_read");
        assertThat(hs.sync.receiptPosition()).isZero();
        assertThat(hs.syncActivity.fired()).isEmpty();
    }

    @Test
    void read_markers_set_the_marker_and_both_receipts_at_once() {
        String first = hs.rooms.say(alice, roomId, "one");
        String second = hs.rooms.say(alice, roomId, "two");

        hs.receipts.setReadMarkers(bob, roomId, second, first, second);

        assertThat(hs.accountData.get(bob, bobId, roomId, "m.fully_read"))
                .isEqualTo(JsonObject.builder().put("event_id", second).build());
        assertThat(hs.sync.receiptsSince(aliceId, List.of(roomId), 0).get(roomId).members()).containsOnlyKeys(first);
        assertThat(hs.sync.receiptsSince(bobId, List.of(roomId), 0).get(roomId).members())
                .containsOnlyKeys(first, second);
        assertThat(hs.syncActivity.drain())
                .containsExactly(new SyncActivity(Set.of(bobId), Set.of(roomId)));
        RoomRead read = hs.sync.readPositions(bobId, List.of(roomId)).room(roomId);
        assertThat(read.unthreaded()).isEqualTo(ordering(second));

        // Nothing is written if one of the events cannot be read.
        String third = hs.rooms.say(alice, roomId, "three");
        assertThat(refusal(() -> hs.receipts.setReadMarkers(bob, roomId, third, "$unknown", null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(hs.accountData.get(bob, bobId, roomId, "m.fully_read").string("event_id")).contains(second);
        // An empty request changes nothing.
        hs.receipts.setReadMarkers(bob, roomId, null, null, null);
        assertThat(hs.syncActivity.fired()).isEmpty();
    }

    private long ordering(String eventId) {
        return hs.rooms.events.find(eventId).orElseThrow().streamOrdering();
    }

    private static JsonObject receipt(String eventId, String type, String userId, long ts, String threadId) {
        return JsonObject.builder().put(eventId, JsonObject.builder().put(type,
                JsonObject.builder().put(userId, data(ts, threadId)).build()).build()).build();
    }

    private static JsonObject data(long ts, String threadId) {
        JsonObject.Builder data = JsonObject.builder().put("ts", ts);
        return threadId == null ? data.build() : data.put("thread_id", threadId).build();
    }
}
