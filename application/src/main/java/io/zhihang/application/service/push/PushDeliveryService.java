package io.zhihang.application.service.push;

import io.zhihang.application.port.in.push.DeliverPushesUseCase;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.push.PushGateway;
import io.zhihang.application.port.out.push.PushQueue;
import io.zhihang.application.port.out.push.PushQueue.PusherKey;
import io.zhihang.application.port.out.push.PushQueue.QueuedPusher;
import io.zhihang.application.port.out.push.ReadPositions.RoomReadUpTo;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.GatewayNotification;
import io.zhihang.domain.push.PushRetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP push delivery as Synapse's {@code HttpPusher}: each pusher walks its user's notifications after its position,
 * oldest first, 20 at a time, up to what is committed. Each notification is sent to the gateway and the position
 * moves on; one already read (at or before the user's read receipt), without {@code notify} or whose event is gone is
 * skipped. A failed send leaves the position where it is and retries per {@link PushRetryPolicy}; after a day of
 * failure the notification is skipped. A gateway that rejects the pushkey removes the pusher. The position is in the
 * database, so after a crash delivery resumes where it stopped (a notification may then be sent twice, never lost).
 */
@ApplicationScoped
public class PushDeliveryService implements DeliverPushesUseCase {
    static final int BATCH = 20;
    /** How long a claim lasts without progress; a crashed instance's pushers resume after it. */
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(PushDeliveryService.class.getName());

    private final PushQueue queue;
    private final PushQueueSteps steps;
    private final PushRequests requests;
    private final PushGateway gateway;
    private final RoomStream stream;
    private final InstantSource clock;
    private final PushRetryPolicy retry;
    /** The badge count last sent to each pusher by this instance (Synapse's {@code badge_count_last_call}). */
    private final Map<PusherKey, Long> lastBadge = new ConcurrentHashMap<>();

    public PushDeliveryService(PushQueue queue, PushQueueSteps steps, PushRequests requests, PushGateway gateway,
                               RoomStream stream, InstantSource clock, PushRetryPolicy retry) {
        this.queue = queue;
        this.steps = steps;
        this.requests = requests;
        this.gateway = gateway;
        this.stream = stream;
        this.clock = clock;
        this.retry = retry;
    }

    @Override
    public void updateBadges(String userId) {
        List<QueuedPusher> pushers = steps.pushersOf(userId);
        if (pushers.isEmpty()) {
            return;
        }
        long badge = requests.badge(userId);
        for (QueuedPusher pusher : pushers) {
            Long last = lastBadge.get(pusher.key());
            if (last != null && last == badge) {
                continue;
            }
            JsonObject body = GatewayNotification.badge(PushRequests.recipient(pusher), badge);
            if (gateway.post(pusher.pusher().data().string("url").orElseThrow(), body)
                    instanceof PushGateway.Accepted) {
                lastBadge.put(pusher.key(), badge);
            }
        }
    }

    @Override
    @Transactional
    public List<Runnable> claimDue(int limit) {
        Instant now = clock.instant();
        List<Runnable> tasks = new ArrayList<>();
        for (QueuedPusher due : queue.due(stream.position(), now, limit)) {
            steps.claim(due, now, now.plus(CLAIM)).ifPresent(claimed -> tasks.add(() -> deliver(claimed)));
        }
        return tasks;
    }

    private void deliver(QueuedPusher pusher) {
        try {
            deliverUntilDone(pusher);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Push delivery to a pusher of " + pusher.key().userId() + " (app "
                    + pusher.key().appId() + ") stopped; it is tried again later", e);
            backOff(pusher);
        } finally {
            steps.release(pusher.key());
        }
    }

    private void deliverUntilDone(QueuedPusher pusher) {
        PusherKey key = pusher.key();
        long position = pusher.position();
        Instant failingSince = pusher.failingSince();
        while (true) {
            PushQueueSteps.Pending pending = steps.pending(key.userId(), position, BATCH);
            if (pending.batch().isEmpty()) {
                return;
            }
            Map<String, RoomReadUpTo> read = pending.read();
            for (StoredNotification n : pending.batch()) {
                PushGateway.Delivery delivery = send(pusher, n, read.getOrDefault(n.roomId(), RoomReadUpTo.NOTHING));
                Instant now = clock.instant();
                if (delivery instanceof PushGateway.Failed failed) {
                    failingSince = failingSince == null ? now : failingSince;
                    if (!retry.givesUp(failingSince, now)) {
                        LOG.log(System.Logger.Level.INFO, "Push gateway of a pusher of " + key.userId() + " (app "
                                + key.appId() + ") failed: " + failed.reason() + "; retrying later");
                        steps.failing(key, failingSince, retry.nextAttempt(failingSince, now));
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "Giving up on a notification to " + key.userId() + " (app "
                            + key.appId() + ") after its push gateway failed for " + retry.giveUpAfter());
                }
                position = n.streamOrdering();
                failingSince = null;
                if (!steps.advance(key, position, now.plus(CLAIM))) {
                    return;
                }
                if (delivery instanceof PushGateway.Accepted accepted && accepted.rejected().contains(key.pushkey())) {
                    LOG.log(System.Logger.Level.INFO, "Push gateway rejected a pushkey of " + key.userId() + " (app "
                            + key.appId() + "): removing the pusher");
                    steps.remove(key);
                    return;
                }
            }
        }
    }

    /** After an unexpected error (the database, a bug), the pusher waits as if its gateway had failed. */
    private void backOff(QueuedPusher pusher) {
        try {
            Instant now = clock.instant();
            Instant since = steps.failingSince(pusher.key()).orElse(now);
            steps.failing(pusher.key(), since, retry.nextAttempt(since, now));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delay a pusher of " + pusher.key().userId(), e);
        }
    }

    /** Sends one notification; one that needs no push counts as accepted. */
    private PushGateway.Delivery send(QueuedPusher pusher, StoredNotification n, RoomReadUpTo read) {
        if (!GatewayNotification.notifies(n.actions()) || n.streamOrdering() <= read.of(n.threadId())) {
            return new PushGateway.Accepted(List.of());
        }
        Optional<JsonObject> body = requests.notification(pusher, n);
        if (body.isEmpty()) {
            return new PushGateway.Accepted(List.of());
        }
        PushGateway.Delivery delivery = gateway.post(pusher.pusher().data().string("url").orElseThrow(), body.get());
        if (delivery instanceof PushGateway.Accepted accepted && accepted.rejected().isEmpty()) {
            body.get().object("notification").flatMap(note -> note.object("counts")).flatMap(c -> c.number("unread"))
                    .ifPresent(unread -> lastBadge.put(pusher.key(), unread));
        }
        return delivery;
    }
}
