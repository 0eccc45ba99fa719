package io.zhihang.application.service.admin.security;

import io.zhihang.application.config.SecuritySettings;
import io.zhihang.application.port.in.admin.security.RecordSecurityEventUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.security.IpBlockRepository;
import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.IpBlock;
import io.zhihang.domain.security.IpReputation;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Writes security events in a transaction of their own (the request they record usually fails and rolls back), and
 * blocks an address automatically when its reputation falls to the configured threshold.
 */
@ApplicationScoped
public class SecurityEventRecorder implements RecordSecurityEventUseCase {
    private static final Set<SecurityEventType> COUNTED = Set.of(SecurityEventType.FAILED_LOGIN,
            SecurityEventType.UIA_FAILED, SecurityEventType.RATE_LIMITED);

    private final SecurityEventLog log;
    private final IpBlockRepository blocks;
    private final IpBlockRegistry registry;
    private final SecuritySettings settings;
    private final AfterCommit afterCommit;

    public SecurityEventRecorder(SecurityEventLog log, IpBlockRepository blocks, IpBlockRegistry registry,
                                 SecuritySettings settings, AfterCommit afterCommit) {
        this.log = log;
        this.blocks = blocks;
        this.registry = registry;
        this.settings = settings;
        this.afterCommit = afterCommit;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SecurityEvent event) {
        log.append(event);
        if (settings.autoBlockThreshold() > 0 && event.ip() != null && COUNTED.contains(event.type())) {
            autoBlock(event.ip(), event.at());
        }
    }

    private void autoBlock(String ip, Instant now) {
        Optional<byte[]> address = IpRange.address(ip);
        if (address.isEmpty() || settings.addresses().exempt(address.get()) || registry.blockOf(ip).isPresent()) {
            return;
        }
        IpReputation reputation = Reputations.of(log, ip, now);
        if (!reputation.warrantsAutoBlock(settings.autoBlockThreshold())) {
            return;
        }
        IpRange range = IpRange.single(address.get());
        Instant expires = now.plus(settings.autoBlockDuration());
        blocks.save(new IpBlock(range, "reputation " + reputation.score(), null, now, expires));
        log.append(new SecurityEvent(SecurityEventType.AUTO_BLOCK, now, null, ip, null, range.toString(),
                JsonObject.builder().put("score", reputation.score()).put("expires_ts", expires.toEpochMilli())
                        .build()));
        afterCommit.register(registry::reload, () -> { });
    }
}
