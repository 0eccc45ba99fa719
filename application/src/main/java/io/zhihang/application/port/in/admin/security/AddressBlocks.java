package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.security.IpBlock;

import java.util.Optional;

/**
 * The HTTP edge's questions, answered from memory (never a database query): who a request comes from, and whether
 * that address is blocked now.
 */
public interface AddressBlocks {
    /** The client's address, given the peer's and the {@code X-Forwarded-For} header (null when absent). */
    String clientAddress(String peer, String forwardedFor);

    /** The active block refusing this client address, if any (loopback is exempt when configured). */
    Optional<IpBlock> blockOf(String clientAddress);
}
