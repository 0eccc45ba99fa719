package io.zhihang.server.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Address ranges in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). {@link #SYNAPSE_BLOCKED} is Synapse's
 * {@code DEFAULT_IP_RANGE_BLOCKLIST} (private, loopback, link-local, reserved and multicast ranges, plus
 * {@code 0.0.0.0} and {@code ::}, which it always blocks).
 */
public final class IpRanges {
    public static final IpRanges SYNAPSE_BLOCKED = parse(List.of(
            "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "192.0.0.0/24",
            "169.254.0.0/16", "192.88.99.0/24", "198.18.0.0/15", "192.0.2.0/24", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "::1/128", "fe80::/10", "fc00::/7", "2001:db8::/32", "ff00::/8",
            "fec0::/10", "0.0.0.0/32", "::/128"));
    public static final IpRanges NONE = new IpRanges(List.of());

    private record Range(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private IpRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses CIDR ranges; a bare address is a range of one. Throws {@link IllegalArgumentException} if malformed. */
    public static IpRanges parse(List<String> cidrs) {
        return new IpRanges(cidrs.stream().map(String::strip).filter(c -> !c.isEmpty()).map(IpRanges::range)
                .toList());
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    private static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP range: " + cidr);
        }
        try {
            byte[] prefix = InetAddress.getByName(address).getAddress();
            int bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("Not an IP range: " + cidr);
            }
            return new Range(prefix, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not an IP range: " + cidr, e);
        }
    }
}
