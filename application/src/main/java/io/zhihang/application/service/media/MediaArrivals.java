package io.zhihang.application.service.media;

import io.zhihang.domain.media.MediaId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes downloads waiting for the content of a reserved media id when this instance stores it. Waiters re-read the
 * database after each slice anyway, so content uploaded through another instance is found too, only later.
 */
@ApplicationScoped
public class MediaArrivals {
    private final Map<MediaId, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Blocks until the content of {@code mediaId} arrives here or {@code slice} passes, whichever is first. */
    void await(MediaId mediaId, Duration slice) {
        CompletableFuture<Void> arrival = waiting.computeIfAbsent(mediaId, id -> new CompletableFuture<>());
        try {
            arrival.get(slice.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller looks again either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void arrived(MediaId mediaId) {
        CompletableFuture<Void> arrival = waiting.remove(mediaId);
        if (arrival != null) {
            arrival.complete(null);
        }
    }
}
