package io.zhihang.server.maintenance;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.zhihang.application.port.in.admin.security.SecurityHousekeepingUseCase;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The security tools' housekeeping: the blocks are loaded into memory at startup and reloaded every 10 s (changes
 * made on this instance apply at once; those of other instances within 10 s), and old security events and expired
 * blocks are deleted hourly (idempotent, so every instance may run it).
 */
@Singleton
public class ScheduledSecurity {
    private final SecurityHousekeepingUseCase housekeeping;

    public ScheduledSecurity(SecurityHousekeepingUseCase housekeeping) {
        this.housekeeping = housekeeping;
    }

    void loadBlocks(@Observes StartupEvent startup) {
        housekeeping.refreshBlocks();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshBlocks() {
        housekeeping.refreshBlocks();
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOld() {
        housekeeping.purgeOld();
    }
}
