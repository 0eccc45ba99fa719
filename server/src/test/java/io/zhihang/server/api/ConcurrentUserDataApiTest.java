package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once: every write takes its own stream position (no position lost or shared), and tags written
 * concurrently to the same room are all kept (the read-modify-write of {@code m.tag} is serialised).
 */
@QuarkusTest
class ConcurrentUserDataApiTest {
    private static final int THREADS = 4;
    private static final int WRITES = 10;

    @Inject
    UserDataSyncQueries sync;

    @Test
    void concurrent_account_data_and_tag_writes_each_take_a_position_and_lose_nothing() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("cua");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        List<Matrix.Session> others = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            others.add(Matrix.registerFresh("cuo" + i));
        }
        long before = sync.accountDataPosition();

        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Matrix.Session other = others.get(t);
            work.add(() -> {
                for (int n = 0; n < WRITES; n++) {
                    as(alice).body("{\"order\":0." + n + "}")
                            .put(V3 + "/user/" + alice.userId() + "/rooms/" + roomId + "/tags/u.t" + thread + "-" + n)
                            .then().statusCode(200);
                }
                return null;
            });
            work.add(() -> {
                for (int n = 0; n < WRITES; n++) {
                    as(other).body(Map.of("n", n)).put(V3 + "/user/" + other.userId() + "/account_data/im.x" + n)
                            .then().statusCode(200);
                }
                return null;
            });
        }
        runAll(work);

        assertThat(sync.accountDataPosition()).isEqualTo(before + 2L * THREADS * WRITES);
        JsonObject tags = sync.accountDataSince(alice.userId(), before).rooms().get(roomId).get("m.tag");
        assertThat(tags.object("tags").orElseThrow().size()).isEqualTo(THREADS * WRITES);
        for (Matrix.Session other : others) {
            assertThat(sync.accountDataSince(other.userId(), before).global()).hasSize(WRITES);
        }
    }

    @Test
    void concurrent_receipts_each_take_a_position_and_end_on_the_latest_event() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("cra");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        List<Matrix.Session> readers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Matrix.Session reader = Matrix.registerFresh("crr" + i);
            Rooms.join(reader, roomId);
            readers.add(reader);
        }
        List<String> messages = new ArrayList<>();
        for (int n = 0; n < WRITES; n++) {
            messages.add(Rooms.send(alice, roomId, "message " + n));
        }
        long before = sync.receiptPosition();

        List<Callable<Void>> work = new ArrayList<>();
        for (Matrix.Session reader : readers) {
            work.add(() -> {
                for (String eventId : messages) {
                    as(reader).body(Map.of()).post(path(roomId) + "/receipt/m.read/" + eventId).then().statusCode(200);
                }
                return null;
            });
        }
        runAll(work);

        assertThat(sync.receiptPosition()).isEqualTo(before + (long) THREADS * WRITES);
        JsonObject receipts = sync.receiptsSince(alice.userId(), List.of(roomId), 0).get(roomId);
        assertThat(receipts.members()).containsOnlyKeys(messages.getLast());
        assertThat(receipts.object(messages.getLast()).flatMap(r -> r.object("m.read")).orElseThrow().size())
                .isEqualTo(THREADS);
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> task : work) {
                results.add(pool.submit(task));
            }
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
