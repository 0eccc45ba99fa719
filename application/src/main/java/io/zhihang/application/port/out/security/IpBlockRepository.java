package io.zhihang.application.port.out.security;

import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.security.IpBlock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The blocked address ranges ({@code ip_blocks}), one row per range. */
public interface IpBlockRepository {
    List<IpBlock> all();

    Optional<IpBlock> find(IpRange range);

    /** Stores the block, replacing one of the same range. */
    void save(IpBlock block);

    /** Whether a block of exactly this range was there to remove. */
    boolean delete(IpRange range);

    /** Removes blocks that expired before {@code cutoff}. */
    int deleteExpiredBefore(Instant cutoff);
}
