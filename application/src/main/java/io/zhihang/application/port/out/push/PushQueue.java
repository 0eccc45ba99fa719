package io.zhihang.application.port.out.push;

import io.zhihang.domain.push.Pusher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery side of the pushers: each pusher's position in its user's notifications (the stream ordering of the
 * last one sent or skipped; Synapse's {@code last_stream_ordering}), since when its gateway fails and when to retry,
 * and a claim (a lease until an instant) that lets one server instance at a time send a pusher's notifications.
 * The notifications themselves are the rows of {@link NotificationRepository}: nothing is copied, so what is recorded
 * is delivered even after a crash.
 */
public interface PushQueue {
    /**
     * Pushers that have notifications in ({@code position}, {@code upTo}], are not waiting for a retry after
     * {@code now} and are not claimed at {@code now}; at most {@code limit}.
     */
    List<QueuedPusher> due(long upTo, Instant now, int limit);

    /** The user's pushers with their delivery state. */
    List<QueuedPusher> ofUser(String userId);

    /** The pusher's delivery state, if it still exists. */
    Optional<QueuedPusher> find(PusherKey key);

    /** Claims the pusher until {@code until} unless another claim holds at {@code now}; true if this one got it. */
    boolean claim(PusherKey key, Instant now, Instant until);

    /**
     * The pusher sent (or skipped) its notifications up to {@code position}: its failure is over and its claim is
     * extended to {@code claimUntil}. False if the pusher is gone (deleted meanwhile).
     */
    boolean advance(PusherKey key, long position, Instant claimUntil);

    /** The gateway failed: it has been failing since {@code failingSince}; retry at {@code retryAt}. */
    void failing(PusherKey key, Instant failingSince, Instant retryAt);

    /** Ends the claim. */
    void release(PusherKey key);

    record PusherKey(String userId, String appId, String pushkey) {
    }

    /**
     * A pusher with its delivery state: {@code pushkeyTs} when it was set, {@code failingSince} null unless its
     * gateway is failing.
     */
    record QueuedPusher(PusherKey key, Pusher pusher, Instant pushkeyTs, long position, Instant failingSince) {
    }
}
