package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's lane builds the next message on the head it last wrote, without the lock round trip (on PostgreSQL, one
 * statement that checks the head and commits by itself): when another writer moved the head meanwhile, or the txn id
 * was used before, that statement writes nothing and the message takes the locking path, with the same outcome.
 */
@QuarkusTest
class SendOnKnownHeadApiTest {
    @Inject
    EventStore events;
    @Inject
    MessageLog messages;
    @Inject
    TableRows tables;

    @Test
    void a_message_after_another_writer_moved_the_head_follows_that_write_and_is_indexed_and_notified() {
        Matrix.Session alice = Matrix.registerFresh("head");
        Matrix.Session bob = Matrix.registerFresh("headb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String first = send(alice, roomId, "t1", "first");
        String second = send(alice, roomId, "t2", "second");
        assertThat(prevOf(second)).containsExactly(first);

        String topic = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "moved on"));
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String third = send(alice, roomId, "t3", "third " + word);

        assertThat(prevOf(third)).containsExactly(topic);
        assertThat(send(alice, roomId, "t2", "second")).isEqualTo(second);
        assertThat(send(alice, roomId, "t3", "third " + word)).isEqualTo(third);
        String fourth = send(alice, roomId, "t4", "fourth");
        assertThat(prevOf(fourth)).containsExactly(third);
        assertThat(events.page(roomId, 0, null, EventStore.Direction.FORWARDS, 100).stream()
                .filter(e -> e.pdu().type().equals("m.room.message"))).hasSize(4);

        List<String> found = as(bob).body(Map.of("search_categories", Map.of("room_events",
                        Map.of("search_term", word)))).post(V3 + "/search").then().statusCode(200)
                .extract().jsonPath().getList("search_categories.room_events.results.result.event_id", String.class);
        assertThat(found).containsExactly(third);
        List<String> notified = as(bob).get(V3 + "/notifications").then().statusCode(200)
                .extract().jsonPath().getList("notifications.event.event_id", String.class);
        assertThat(notified).contains(first, second, third, fourth);
    }

    /** (On H2, which has no such statement, the answer is always empty.) */
    @Test
    void a_batch_on_a_head_that_moved_writes_nothing() {
        Matrix.Session alice = Matrix.registerFresh("stale");
        String roomId = Rooms.create(alice, Map.of());
        String head = send(alice, roomId, "s1", "now the head");
        String eventId = "$" + UUID.randomUUID().toString().replace("-", "");
        Pdu pdu = new Pdu(eventId, JsonObject.builder().put("type", "m.room.message").put("sender", alice.userId())
                .put("room_id", roomId).put("depth", 100).put("origin_server_ts", 1).build());
        var rows = new MessageLog.OnHeadRows(List.of(new MessageLog.Append(pdu, "{}", null, null, null)), List.of(),
                List.of());

        assertThat(messages.appendOnHead(roomId, "$not-the-head", rows, Instant.now())).isEmpty();
        assertThat(messages.appendOnHead("!nowhere:localhost", head, rows, Instant.now())).isEmpty();
        assertThat(events.find(eventId)).isEmpty();
        assertThat(tables.where("rooms", "room_id", roomId).getFirst()).contains(head);
    }

    private List<String> prevOf(String eventId) {
        return events.find(eventId).map(StoredEvent::pdu).map(Pdu::prevEvents).orElseThrow();
    }

    private static String send(Matrix.Session sender, String roomId, String txn, String body) {
        return as(sender).body(Map.of("msgtype", "m.text", "body", body))
                .put(path(roomId) + "/send/m.room.message/" + txn).then().statusCode(200)
                .extract().path("event_id");
    }
}
