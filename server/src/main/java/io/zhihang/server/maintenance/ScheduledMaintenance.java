package io.zhihang.server.maintenance;

import io.quarkus.scheduler.Scheduled;
import io.zhihang.application.port.in.maintenance.FlushDeviceActivityUseCase;
import io.zhihang.application.port.in.maintenance.PurgeExpiredStateUseCase;
import jakarta.inject.Singleton;

/** Runs the housekeeping use cases periodically (each instance; the work is idempotent). */
@Singleton
public class ScheduledMaintenance {
    private final PurgeExpiredStateUseCase purge;
    private final FlushDeviceActivityUseCase deviceActivity;

    public ScheduledMaintenance(PurgeExpiredStateUseCase purge, FlushDeviceActivityUseCase deviceActivity) {
        this.purge = purge;
        this.deviceActivity = deviceActivity;
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushDeviceActivity() {
        deviceActivity.flushDeviceActivity();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purge.purgeExpired();
    }
}
