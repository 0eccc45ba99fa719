package io.zhihang.application.service.admin.security;

import io.zhihang.application.port.in.admin.security.AddressReputation;
import io.zhihang.application.port.in.admin.security.IpReputationQuery;
import io.zhihang.application.port.in.admin.security.ListSecurityEventsUseCase;
import io.zhihang.application.port.in.admin.security.SecurityEventPage;
import io.zhihang.application.port.in.admin.security.SecurityEventsQuery;
import io.zhihang.application.port.out.security.SecurityEventFilter;
import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.application.port.out.security.StoredSecurityEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.security.IpReputation;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;

/** Reading the security event log: pages of events, and an address's reputation derived from them. */
@ApplicationScoped
public class SecurityEventsService implements ListSecurityEventsUseCase, IpReputationQuery {
    private final SecurityEventLog log;
    private final IpBlockRegistry blocks;
    private final InstantSource clock;

    public SecurityEventsService(SecurityEventLog log, IpBlockRegistry blocks, InstantSource clock) {
        this.log = log;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SecurityEventPage list(Requester admin, SecurityEventsQuery query) {
        admin.ensureAdmin();
        SecurityEventFilter filter = new SecurityEventFilter(query.type(), query.userId(), query.ip(), query.since(),
                query.until());
        List<StoredSecurityEvent> events = log.find(filter, query.from(), query.limit() + 1);
        boolean more = events.size() > query.limit();
        List<StoredSecurityEvent> page = more ? events.subList(0, query.limit()) : events;
        Long next = more ? page.getLast().id() : null;
        return new SecurityEventPage(List.copyOf(page), next, log.count(filter));
    }

    @Override
    @Transactional
    public AddressReputation reputation(Requester admin, String address) {
        admin.ensureAdmin();
        if (IpRange.address(address).isEmpty()) {
            throw DomainException.invalidParam("Not an IP address: " + address);
        }
        IpReputation reputation = Reputations.of(log, address, clock.instant());
        return new AddressReputation(address, reputation, blocks.blockOf(address));
    }
}
