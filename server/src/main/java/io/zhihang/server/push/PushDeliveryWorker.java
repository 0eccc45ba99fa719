package io.zhihang.server.push;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zhihang.application.port.in.push.DeliverPushesUseCase;
import io.zhihang.application.port.out.push.PushNotifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs push delivery off the request path: one virtual thread claims the pushers with something to send when woken
 * (notifications were committed, {@link PushNotifier}), at start, and every second (retries that fell due, work other
 * instances recorded), and sends each claimed pusher's notifications on a virtual thread of its own, at most
 * {@value #MAX_PARALLEL} pushers at once, so a slow gateway holds up no other. A user's moved read receipt sends
 * their pushers a badge-only update, on a virtual thread too.
 */
@Singleton
public class PushDeliveryWorker implements PushNotifier {
    static final int MAX_PARALLEL = 16;
    private static final long POLL_MS = 1000;
    private static final long STOP_WAIT_MS = 5000;
    private static final System.Logger LOG = System.getLogger(PushDeliveryWorker.class.getName());

    private final DeliverPushesUseCase delivery;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore slots = new Semaphore(MAX_PARALLEL);
    private volatile boolean running;
    private Thread loop;
    private volatile ExecutorService senders;

    public PushDeliveryWorker(DeliverPushesUseCase delivery) {
        this.delivery = delivery;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts delivering: what was recorded and not yet sent (before a restart too) goes out now. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        senders = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofVirtual().name("push-delivery").start(this::run);
    }

    /**
     * Stops claiming and waits up to {@value #STOP_WAIT_MS} ms for the sends under way, then interrupts them, so that a
     * slow gateway does not hold up a shutdown. Unsent notifications wait in the database; an interrupted pusher's
     * claim runs out after a minute.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            loop.join(STOP_WAIT_MS);
            senders.shutdown();
            if (!senders.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void notificationsRecorded() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void receiptsMoved(String userId) {
        ExecutorService running = senders;
        if (!this.running || running == null) {
            return;
        }
        try {
            running.execute(() -> {
                try {
                    delivery.updateBadges(userId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Updating the push badges of " + userId + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: badge updates are best effort
        }
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running && slots.availablePermits() > 0) {
                    for (Runnable send : delivery.claimDue(slots.availablePermits())) {
                        slots.acquire();
                        senders.execute(() -> {
                            try {
                                send.run();
                            } finally {
                                slots.release();
                                wake.release();
                            }
                        });
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Claiming pushers to deliver failed; trying again", e);
            }
        }
    }
}
