package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;

import java.util.List;

/**
 * Which address a request comes from, and whether blocks apply to it. {@code X-Forwarded-For} is honoured only when
 * the peer is a trusted proxy: then the hops are read from the right while the address in hand is a trusted proxy,
 * and the client is the right-most address that is not one (an address a client wrote further left is never
 * believed). With no trusted proxies (the default) the client is the peer. Loopback addresses are exempt from blocks
 * when {@code exemptLoopback} (the default), so that an operator on the machine itself cannot be locked out.
 */
public record ClientAddressPolicy(List<IpRange> trustedProxies, boolean exemptLoopback) {
    private static final IpRange LOOPBACK_V4 = IpRange.parse("127.0.0.0/8");
    private static final IpRange LOOPBACK_V6 = IpRange.parse("::1/128");

    public ClientAddressPolicy {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address, given the peer's and the {@code X-Forwarded-For} header (null when absent). */
    public String clientAddress(String peer, String forwardedFor) {
        if (trustedProxies.isEmpty() || peer == null || forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String current = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && trusted(current); i--) {
            String hop = hops[i].strip();
            if (IpRange.address(hop).isEmpty()) {
                break;
            }
            current = hop;
        }
        return current;
    }

    /** Whether blocks are never applied to this address (loopback, when exempt). */
    public boolean exempt(byte[] address) {
        return exemptLoopback && (LOOPBACK_V4.contains(address) || LOOPBACK_V6.contains(address));
    }

    private boolean trusted(String address) {
        return IpRange.address(address)
                .map(bytes -> trustedProxies.stream().anyMatch(range -> range.contains(bytes)))
                .orElse(false);
    }
}
