package io.zhihang.adapter.rest.http;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.zhihang.application.service.stream.SyncNotifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Ends waiting long-polls when the server stops. Quarkus waits for requests in flight before it stops (up to
 * {@code quarkus.shutdown.timeout}), and a {@code /sync} a client left waiting would hold it for up to its timeout:
 * at the first shutdown signal (fired before that wait) every waiter is woken and answers with what it has.
 */
@Singleton
public class LongPollShutdown {
    private final SyncNotifier notifier;

    public LongPollShutdown(SyncNotifier notifier) {
        this.notifier = notifier;
    }

    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        notifier.stop();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        notifier.stop();
    }
}
