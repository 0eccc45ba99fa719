package io.zhihang.application.service.room;

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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for messages, per room, with no thread of its own (flat combining): a sender queues its message in
 * the room's lane; whichever sender finds the lane idle drains it, writing everything queued so far in one
 * transaction, and hands every waiter its outcome. Alone, a sender just writes its own message; under load, ten
 * senders share one lock, one commit and a few round trips. Other server instances are kept in order by the room's
 * row lock, as ever.
 */
@ApplicationScoped
public class MessageLanes {
    static final int MAX_BATCH = 64;
    /** Batches one drainer writes before handing the lane on, so its own response is not held up for long. */
    private static final int MAX_ROUNDS = 3;
    private static final long WAIT_SLICE_MILLIS = 2;
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
            } else if (System.nanoTime() > deadline) {
                throw new DomainException(ErrorKind.LIMIT_EXCEEDED, "The room is too busy, try again");
            } else {
                lane.awaitTurn(pending);
            }
        }
        return outcome(pending);
    }

    /** Writes one batch: everything queued so far (the drainer's own message is in the first). */
    private void drainOnce(String roomId, Lane lane) {
        List<PendingMessage> batch = take(lane.queue);
        if (!batch.isEmpty()) {
            try {
                List<Object> outcomes = batches.write(roomId, batch);
                for (int i = 0; i < batch.size(); i++) {
                    Object outcome = outcomes.get(i);
                    if (outcome instanceof RuntimeException refused) {
                        batch.get(i).result().completeExceptionally(refused);
                    } else {
                        batch.get(i).result().complete((String) outcome);
                    }
                }
            } catch (RuntimeException failed) {
                batch.forEach(p -> p.result().completeExceptionally(failed));
            }
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
         * Waits for the message's outcome for a short slice (completion wakes the waiter at once); the caller loops
         * and takes the lane over if the drainer left without its message.
         */
        void awaitTurn(PendingMessage pending) {
            try {
                pending.result().get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException ignored) {
                // still queued, or done: the caller's loop decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending", e);
            }
        }
    }
}
