package io.zhihang.application.service.maintenance;

import io.zhihang.application.port.in.maintenance.PurgeExpiredStateUseCase;
import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.domain.auth.UiaSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;

@ApplicationScoped
public class MaintenanceService implements PurgeExpiredStateUseCase {
    private final UiaSessionStore uiaSessions;
    private final InstantSource clock;

    public MaintenanceService(UiaSessionStore uiaSessions, InstantSource clock) {
        this.uiaSessions = uiaSessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void purgeExpired() {
        uiaSessions.deleteCreatedBefore(clock.instant().minus(UiaSession.LIFETIME));
    }
}
