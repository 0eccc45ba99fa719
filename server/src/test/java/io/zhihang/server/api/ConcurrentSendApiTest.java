package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Many senders into one room at once (group commit): every message stored once, in one unbroken chain. */
@QuarkusTest
class ConcurrentSendApiTest {
    @Inject
    EventStore events;

    @Test
    void concurrent_senders_and_retries_build_one_chain_without_duplicates() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("cs");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        List<Matrix.Session> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Matrix.Session s = Matrix.registerFresh("cs" + i);
            Rooms.join(s, roomId);
            senders.add(s);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Matrix.Session sender : senders) {
                results.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int n = 0; n < 15; n++) {
                        ids.add(sendWithTxn(sender, roomId, "txn-" + n, "message " + n));
                    }
                    // a retry of an earlier transaction returns its event
                    ids.add(sendWithTxn(sender, roomId, "txn-3", "message 3"));
                    return ids;
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<List<String>> result : results) {
                List<String> ids = result.get(60, TimeUnit.SECONDS);
                assertThat(ids.get(15)).isEqualTo(ids.get(3));
                distinct.addAll(ids);
            }
            assertThat(distinct).hasSize(8 * 15);
        } finally {
            pool.shutdownNow();
        }

        List<StoredEvent> all = events.page(roomId, 0, null, EventStore.Direction.FORWARDS, 1000);
        assertThat(all.stream().filter(e -> e.pdu().type().equals("m.room.message"))).hasSize(8 * 15);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).pdu().prevEvents()).containsExactly(all.get(i - 1).pdu().eventId());
            assertThat(all.get(i).pdu().depth()).isEqualTo(all.get(i - 1).pdu().depth() + 1);
        }
    }

    private static String sendWithTxn(Matrix.Session sender, String roomId, String txn, String body) {
        return as(sender).body(Map.of("msgtype", "m.text", "body", body))
                .put(path(roomId) + "/send/m.room.message/" + txn).then().statusCode(200)
                .extract().path("event_id");
    }
}
