package io.zhihang.application.service.admin.security;

import io.zhihang.application.config.SecuritySettings;
import io.zhihang.application.port.in.admin.security.AddressBlocks;
import io.zhihang.application.port.out.security.IpBlockRepository;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.security.IpBlock;
import io.zhihang.domain.security.IpBlockList;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The blocks in memory, as an {@link IpBlockList} swapped whole: reloaded from the database after each change
 * committed here, and on a schedule for changes made by other instances.
 */
@ApplicationScoped
public class IpBlockRegistry implements AddressBlocks {
    private final IpBlockRepository blocks;
    private final SecuritySettings settings;
    private final InstantSource clock;
    private volatile IpBlockList current = IpBlockList.EMPTY;
    private volatile List<IpBlock> loaded = List.of();

    public IpBlockRegistry(IpBlockRepository blocks, SecuritySettings settings, InstantSource clock) {
        this.blocks = blocks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String clientAddress(String peer, String forwardedFor) {
        return settings.addresses().clientAddress(peer, forwardedFor);
    }

    @Override
    public Optional<IpBlock> blockOf(String clientAddress) {
        IpBlockList list = current;
        if (list.size() == 0) {
            return Optional.empty();
        }
        return IpRange.address(clientAddress)
                .filter(address -> !settings.addresses().exempt(address))
                .flatMap(address -> list.find(address, clock.instant()));
    }

    /** Reads every block anew (outside any transaction of the caller's: after a commit, or on a schedule). */
    public synchronized void reload() {
        List<IpBlock> now = blocks.all();
        if (!now.equals(loaded)) {  // the scheduled reload usually finds nothing new: keep the trie
            current = new IpBlockList(now);
            loaded = now;
        }
    }
}
