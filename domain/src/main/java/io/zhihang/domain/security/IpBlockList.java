package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The blocked ranges as two binary prefix tries (IPv4, IPv6): finding the block of an address walks at most 32 or
 * 128 nodes, whatever the number of ranges, and nested or overlapping ranges each keep their own expiry. Immutable:
 * a changed block list is a new instance, swapped in whole.
 */
public final class IpBlockList {
    public static final IpBlockList EMPTY = new IpBlockList(List.of());

    private final Node v4 = new Node();
    private final Node v6 = new Node();
    private final int size;

    public IpBlockList(Collection<IpBlock> blocks) {
        for (IpBlock block : blocks) {
            IpRange range = block.range();
            Node node = range.isIpv4() ? v4 : v6;
            for (int i = 0; i < range.prefixLength(); i++) {
                node = node.child(range.bit(i));
            }
            node.block = block;
        }
        this.size = blocks.size();
    }

    public int size() {
        return size;
    }

    /** The active block covering this address (4 or 16 bytes), the widest first, or empty. */
    public Optional<IpBlock> find(byte[] address, Instant now) {
        Node node = address.length == 4 ? v4 : v6;
        int bits = address.length * 8;
        for (int i = 0; node != null; i++) {
            IpBlock block = node.block;
            if (block != null && block.activeAt(now)) {
                return Optional.of(block);
            }
            if (i == bits) {
                break;
            }
            node = (address[i >> 3] & (0x80 >>> (i & 7))) != 0 ? node.one : node.zero;
        }
        return Optional.empty();
    }

    private static final class Node {
        private Node zero;
        private Node one;
        private IpBlock block;

        Node child(boolean bit) {
            if (bit) {
                if (one == null) {
                    one = new Node();
                }
                return one;
            }
            if (zero == null) {
                zero = new Node();
            }
            return zero;
        }
    }
}
