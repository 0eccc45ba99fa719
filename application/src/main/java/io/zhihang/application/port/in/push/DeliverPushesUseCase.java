package io.zhihang.application.port.in.push;

import java.util.List;

/**
 * The push delivery worker's side: sends recorded notifications to the HTTP pushers' gateways. Every instance may run
 * it at once; a pusher is claimed by one instance at a time.
 */
public interface DeliverPushesUseCase {
    /**
     * Claims up to {@code limit} pushers with notifications to send and returns one task per claimed pusher. Running
     * a task sends that pusher's notifications oldest first, until it has caught up, its gateway fails (then it is
     * tried again later) or it is removed, and then lets the claim go. Tasks may run in parallel.
     */
    List<Runnable> claimDue(int limit);

    /**
     * Sends the user's pushers a badge-only notification with the user's unread count, to those whose last count
     * sent (by this instance) differs (Synapse's {@code _update_badge} after a read receipt). Best effort: a failure is
     * not retried.
     */
    void updateBadges(String userId);
}
