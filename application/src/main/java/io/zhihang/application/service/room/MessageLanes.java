package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for messages, per room, with no thread of its own (flat combining): a sender queues its message in
 * the room's lane; whichever sender finds the lane idle drains it, writing everything queued so far in one
 * transaction, and hands every waiter its outcome. Alone, a sender just writes its own message; under load, ten
 * senders share one lock, one commit and a few round trips. Other server instances are kept in order by the room's
 * row lock, as ever; where the store allows, a lane that knows the room's head skips even that round trip and
 * stores a batch in one self-committing statement that checks the head ({@link MessageBatchWriter#writeOnHead}).
 */
@ApplicationScoped
public class MessageLanes {
    static final int MAX_BATCH = 64;
    /** Batches one drainer writes before handing the lane on, so its own response is not held up for long. */
    private static final int MAX_ROUNDS = 3;
    /** A parked sender looks again this often, in case a wake-up was missed (none should be). */
    private static final long WAIT_SLICE_MILLIS = 50;
    private static final long GIVE_UP_MILLIS = 30_000;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final MessageBatchWriter batches;

    public MessageLanes(MessageBatchWriter batches) {
        this.batches = batches;
    }

    public String submit(String roomId, PendingMessage pending) {
        Lane lane = lanes.computeIfAbsent(roomId, id -> new Lane());
        lane.queue.add(pending);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
        while (!pending.result().isDone()) {
            if (lane.draining.compareAndSet(false, true)) {
                try {
                    for (int round = 0; round < MAX_ROUNDS && !lane.queue.isEmpty(); round++) {
                        drainOnce(roomId, lane);
                    }
                } finally {
                    lane.draining.set(false);
                }
                wakeNext(lane);
            } else if (System.nanoTime() > deadline) {
                throw new DomainException(ErrorKind.LIMIT_EXCEEDED, "The room is too busy, try again");
            } else {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending");
                }
            }
        }
        return outcome(pending);
    }

    /** A drainer that leaves messages queued wakes the sender of the first, which takes the lane over. */
    private static void wakeNext(Lane lane) {
        PendingMessage next = lane.queue.peek();
        if (next != null) {
            LockSupport.unpark(next.sender());
        }
    }

    /** Writes one batch: everything queued so far (the drainer's own message is in the first). */
    private void drainOnce(String roomId, Lane lane) {
        List<PendingMessage> batch = take(lane.queue);
        if (!batch.isEmpty()) {
            try {
                MessageBatchWriter.Written written = batches.writeOnHead(lane.known, batch);
                if (written == null) {
                    written = batches.write(roomId, batch);
                }
                lane.known = written.room();
                List<Object> outcomes = written.outcomes();
                for (int i = 0; i < batch.size(); i++) {
                    Object outcome = outcomes.get(i);
                    if (outcome instanceof RuntimeException refused) {
                        batch.get(i).result().completeExceptionally(refused);
                    } else {
                        batch.get(i).result().complete((String) outcome);
                    }
                }
            } catch (RuntimeException failed) {
                lane.known = null;
                batch.forEach(p -> p.result().completeExceptionally(failed));
            }
            batch.forEach(p -> LockSupport.unpark(p.sender()));
        }
    }

    private static List<PendingMessage> take(Queue<PendingMessage> queue) {
        List<PendingMessage> batch = new ArrayList<>();
        PendingMessage next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static String outcome(PendingMessage pending) {
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        }
    }

    private static final class Lane {
        private final Queue<PendingMessage> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        /**
         * The room as this lane's last batch left it (null until the first, or after a failure): the next batch is
         * built on its head without taking the lock ({@link MessageBatchWriter#writeOnHead}); only the drainer reads
         * and writes it.
         */
        private volatile RoomRecord known;
    }
}
