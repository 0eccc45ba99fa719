package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;

import java.time.Instant;
import java.util.Objects;

/**
 * A blocked range of addresses (a single address is a /32 or /128): requests from it are refused at the HTTP edge
 * until {@code expiresAt} (null: until unblocked). {@code createdBy} is the admin who blocked it, or null for an
 * automatic block.
 */
public record IpBlock(IpRange range, String reason, String createdBy, Instant createdAt, Instant expiresAt) {
    public IpBlock {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the block still refuses traffic at {@code now}; an expired block lets it through. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
