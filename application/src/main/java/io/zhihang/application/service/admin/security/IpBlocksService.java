package io.zhihang.application.service.admin.security;

import io.zhihang.application.port.in.admin.security.BlockAddressCommand;
import io.zhihang.application.port.in.admin.security.ManageIpBlocksUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.security.IpBlockRepository;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.IpBlock;
import io.zhihang.domain.security.SelfBlockGuard;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class IpBlocksService implements ManageIpBlocksUseCase {
    private final IpBlockRepository blocks;
    private final IpBlockRegistry registry;
    private final AdminAudit audit;
    private final AfterCommit afterCommit;
    private final InstantSource clock;

    public IpBlocksService(IpBlockRepository blocks, IpBlockRegistry registry, AdminAudit audit,
                           AfterCommit afterCommit, InstantSource clock) {
        this.blocks = blocks;
        this.registry = registry;
        this.audit = audit;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<IpBlock> list(Requester admin) {
        admin.ensureAdmin();
        return blocks.all().stream().sorted(Comparator.comparing(IpBlock::createdAt).reversed()).toList();
    }

    @Override
    @Transactional
    public IpBlock block(Requester admin, BlockAddressCommand command) {
        admin.ensureAdmin();
        SelfBlockGuard.ensureAllowed(command.range(), command.requestAddress(), command.force());
        Instant now = clock.instant();
        Instant expires = command.expiry(now);
        if (expires != null && !expires.isAfter(now)) {
            throw DomainException.invalidParam("expires_ts is in the past");
        }
        IpBlock block = new IpBlock(command.range(), command.reason(), admin.userId().toString(), now, expires);
        blocks.save(block);
        JsonObject.Builder details = JsonObject.builder();
        if (command.reason() != null) {
            details.put("reason", command.reason());
        }
        if (expires != null) {
            details.put("expires_ts", expires.toEpochMilli());
        }
        if (command.force()) {
            details.put("force", true);
        }
        audit.record(admin, command.requestAddress(), "block_ip", command.range().toString(), details.build());
        afterCommit.register(registry::reload, () -> { });
        return block;
    }

    @Override
    @Transactional
    public void unblock(Requester admin, IpRange range, String requestAddress) {
        admin.ensureAdmin();
        if (!blocks.delete(range)) {
            throw DomainException.notFound("No block of " + range);
        }
        audit.record(admin, requestAddress, "unblock_ip", range.toString(), JsonObject.EMPTY);
        afterCommit.register(registry::reload, () -> { });
    }
}
