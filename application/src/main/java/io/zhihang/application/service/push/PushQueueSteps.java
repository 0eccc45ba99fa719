package io.zhihang.application.service.push;

import io.zhihang.application.port.out.push.NotificationRepository;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.push.PushQueue;
import io.zhihang.application.port.out.push.PushQueue.PusherKey;
import io.zhihang.application.port.out.push.PushQueue.QueuedPusher;
import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.application.port.out.push.ReadPositions;
import io.zhihang.application.port.out.push.ReadPositions.RoomReadUpTo;
import io.zhihang.application.service.stream.RoomStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writes of push delivery, each its own short transaction, so that no transaction is open while a gateway is
 * called (an exception to "one use case, one transaction", see docs/adr/0008-push-delivery.md: the position written after
 * each send is what makes delivery resume where it stopped).
 */
@ApplicationScoped
public class PushQueueSteps {
    private final PushQueue queue;
    private final PusherRepository pushers;
    private final NotificationRepository notifications;
    private final ReadPositions reads;
    private final RoomStream stream;

    public PushQueueSteps(PushQueue queue, PusherRepository pushers, NotificationRepository notifications,
                          ReadPositions reads, RoomStream stream) {
        this.stream = stream;
        this.queue = queue;
        this.pushers = pushers;
        this.notifications = notifications;
        this.reads = reads;
    }

    /**
     * The user's next notifications after {@code after}, up to what is committed, and how far the user has read
     * their rooms.
     */
    @Transactional
    public Pending pending(String userId, long after, int limit) {
        List<StoredNotification> batch = notifications.between(userId, after, stream.position(), limit);
        if (batch.isEmpty()) {
            return new Pending(batch, Map.of());
        }
        return new Pending(batch, reads.readUpTo(userId,
                batch.stream().map(StoredNotification::roomId).distinct().toList()));
    }

    public record Pending(List<StoredNotification> batch, Map<String, RoomReadUpTo> read) {
    }

    /** Claims the pusher and reads its state under the claim (another instance may just have moved it on). */
    @Transactional
    public Optional<QueuedPusher> claim(QueuedPusher due, Instant now, Instant until) {
        if (!queue.claim(due.key(), now, until)) {
            return Optional.empty();
        }
        return queue.find(due.key());
    }

    @Transactional
    public boolean advance(PusherKey key, long position, Instant claimUntil) {
        return queue.advance(key, position, claimUntil);
    }

    @Transactional
    public void failing(PusherKey key, Instant failingSince, Instant retryAt) {
        queue.failing(key, failingSince, retryAt);
    }

    @Transactional
    public List<QueuedPusher> pushersOf(String userId) {
        return queue.ofUser(userId);
    }

    /** Since when the pusher's gateway has been failing, if it is. */
    @Transactional
    public Optional<Instant> failingSince(PusherKey key) {
        return queue.find(key).map(QueuedPusher::failingSince);
    }

    @Transactional
    public void release(PusherKey key) {
        queue.release(key);
    }

    /** The gateway rejected the pushkey: the pusher is removed, as Synapse does. */
    @Transactional
    public void remove(PusherKey key) {
        pushers.delete(key.userId(), key.appId(), key.pushkey());
    }
}
