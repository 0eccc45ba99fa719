package io.zhihang.server.maintenance;

import io.quarkus.scheduler.Scheduled;
import io.zhihang.application.port.in.lifecycle.DestroyDueMessagesUseCase;
import io.zhihang.application.port.in.maintenance.FlushDeviceActivityUseCase;
import io.zhihang.application.port.in.maintenance.PurgeExpiredStateUseCase;
import io.zhihang.application.port.in.media.ExpireUrlPreviewsUseCase;
import io.zhihang.application.port.in.presence.MarkIdleUseCase;
import io.zhihang.application.port.in.typing.ExpireTypingUseCase;
import jakarta.inject.Singleton;

import java.time.InstantSource;

/** Runs the housekeeping use cases periodically (each instance; the work is idempotent). */
@Singleton
public class ScheduledMaintenance {
    private final PurgeExpiredStateUseCase purge;
    private final FlushDeviceActivityUseCase deviceActivity;
    private final ExpireTypingUseCase typing;
    private final MarkIdleUseCase idle;
    private final DestroyDueMessagesUseCase selfDestruct;
    private final ExpireUrlPreviewsUseCase urlPreviews;
    private final InstantSource clock;

    public ScheduledMaintenance(PurgeExpiredStateUseCase purge, FlushDeviceActivityUseCase deviceActivity,
                                ExpireTypingUseCase typing, MarkIdleUseCase idle,
                                DestroyDueMessagesUseCase selfDestruct, ExpireUrlPreviewsUseCase urlPreviews,
                                InstantSource clock) {
        this.purge = purge;
        this.deviceActivity = deviceActivity;
        this.typing = typing;
        this.idle = idle;
        this.selfDestruct = selfDestruct;
        this.urlPreviews = urlPreviews;
        this.clock = clock;
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void flushDeviceActivity() {
        deviceActivity.flushDeviceActivity();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        purge.purgeExpired();
        urlPreviews.expire();
    }

    /** Typing notices that ran out end within a second (in memory, no database work). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireTyping() {
        typing.expire(clock.instant());
    }

    /** Online users inactive for five minutes become unavailable; checked every 30 s. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void markIdle() {
        idle.markIdle(clock.instant());
    }

    /** Self-destructing messages whose time has come are destroyed within a second (claimed once per message). */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void destroyDueMessages() {
        selfDestruct.destroyDue(clock.instant());
    }
}
