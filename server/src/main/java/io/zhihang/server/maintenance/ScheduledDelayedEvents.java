package io.zhihang.server.maintenance;

import io.quarkus.scheduler.Scheduled;
import io.zhihang.application.port.in.delayed.FireDelayedEventsUseCase;
import jakarta.inject.Singleton;

import java.time.InstantSource;

/**
 * Sends due delayed events every second, on every instance: the rows are claimed in the database, so instances
 * share the work and each event is sent once. MSC4140 lets a server send up to 30 s late; here it is about 1 s.
 */
@Singleton
public class ScheduledDelayedEvents {
    private final FireDelayedEventsUseCase delayed;
    private final InstantSource clock;

    public ScheduledDelayedEvents(FireDelayedEventsUseCase delayed, InstantSource clock) {
        this.delayed = delayed;
        this.clock = clock;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fireDue() {
        delayed.fireDue(clock.instant());
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeFinalised() {
        delayed.purgeFinalised(clock.instant());
    }
}
