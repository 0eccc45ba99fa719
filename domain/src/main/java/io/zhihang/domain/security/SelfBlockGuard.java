package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.shared.DomainException;

import java.util.Optional;

/**
 * No lock-out by mistake: an admin may not block a range that holds the address of the request making the block,
 * unless the request says {@code "force": true}.
 */
public final class SelfBlockGuard {
    private SelfBlockGuard() {
    }

    public static void ensureAllowed(IpRange range, String requestAddress, boolean force) {
        Optional<byte[]> own = IpRange.address(requestAddress);
        if (!force && own.isPresent() && range.contains(own.get())) {
            throw DomainException.forbidden("This block would refuse the address of this request ("
                    + requestAddress + "); send \"force\": true to block it anyway");
        }
    }
}
