package io.zhihang.application.service.admin.security;

import io.zhihang.application.config.SecuritySettings;
import io.zhihang.application.port.in.admin.security.SecurityHousekeepingUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.security.IpBlockRepository;
import io.zhihang.application.port.out.security.SecurityEventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;

@ApplicationScoped
public class SecurityHousekeepingService implements SecurityHousekeepingUseCase {
    private final SecurityEventLog log;
    private final IpBlockRepository blocks;
    private final IpBlockRegistry registry;
    private final SecuritySettings settings;
    private final AfterCommit afterCommit;
    private final InstantSource clock;

    public SecurityHousekeepingService(SecurityEventLog log, IpBlockRepository blocks, IpBlockRegistry registry,
                                       SecuritySettings settings, AfterCommit afterCommit, InstantSource clock) {
        this.log = log;
        this.blocks = blocks;
        this.registry = registry;
        this.settings = settings;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void purgeOld() {
        Instant now = clock.instant();
        log.deleteBefore(now.minus(settings.eventRetention()));
        if (blocks.deleteExpiredBefore(now) > 0) {
            afterCommit.register(registry::reload, () -> { });
        }
    }

    @Override
    public void refreshBlocks() {
        registry.reload();
    }
}
