package io.zhihang.application.service.sync;

import io.zhihang.application.service.stream.SyncNotifier;
import io.zhihang.application.port.in.sync.SyncRequest;
import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.in.sync.SyncUseCase;
import io.zhihang.application.port.in.presence.SetPresenceUseCase;
import io.zhihang.application.port.in.todevice.ToDeviceSyncUseCase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long-poll: reads what changed since the token; if nothing did, waits (holding no transaction and no
 * connection) until the notifier names the user or one of their rooms, or the timeout passes, then reads again.
 * Call it on a virtual thread: it parks while it waits.
 */
@ApplicationScoped
public class SyncService implements SyncUseCase {
    /** Longer waits are cut to this (clients ask for 30 s). */
    static final long MAX_TIMEOUT_MS = 10 * 60 * 1000L;

    private final SyncReader reader;
    private final SyncPositions positions;
    private final SyncNotifier notifier;
    private final SyncFilters filters;
    private final SetPresenceUseCase presence;
    private final InstantSource clock;
    private final ToDeviceSyncUseCase toDevice;

    public SyncService(SyncReader reader, SyncPositions positions, SyncNotifier notifier, SyncFilters filters,
                       SetPresenceUseCase presence, ToDeviceSyncUseCase toDevice, InstantSource clock) {
        this.toDevice = toDevice;
        this.presence = presence;
        this.clock = clock;
        this.reader = reader;
        this.positions = positions;
        this.notifier = notifier;
        this.filters = filters;
    }

    @Override
    public SyncResult sync(SyncRequest request) {
        SyncFilter filter = filters.resolve(request.requester(), request.filter());
        SyncToken since = request.since() == null ? null : SyncToken.parse(request.since());
        presence.setPresenceFromSync(request.requester().userId().toString(), request.setPresence(), clock.instant());
        long timeoutMs = Math.clamp(request.timeoutMs(), 0, MAX_TIMEOUT_MS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean acknowledged = false;
        while (true) {
            long seen = notifier.version();
            SyncToken now = positions.current(request.requester().userId().toString());
            SyncToken from = since == null ? null : since.clampTo(now);
            if (from != null && !acknowledged) {
                // The token acknowledges the to-device messages up to its position: they are gone for good.
                toDevice.acknowledge(request.requester(), from.toDevice());
                acknowledged = true;
            }
            SyncReader.Outcome outcome = reader.read(request.requester(), from, now, filter, request.fullState());
            SyncResult result = SyncEventFields.apply(outcome.result(), filter.filter().eventFields());
            long remaining = deadline - System.nanoTime();
            if (from == null || request.fullState() || !result.isEmpty() || remaining <= 0 || notifier.stopping()) {
                return result;
            }
            try (SyncNotifier.Waiter waiter = notifier.register(request.requester().userId().toString(),
                    outcome.rooms(), seen)) {
                waiter.woken().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
