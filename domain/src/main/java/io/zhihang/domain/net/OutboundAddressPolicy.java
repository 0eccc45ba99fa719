package io.zhihang.domain.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which addresses the server may connect to on a user's behalf (URL previews, push gateways): a guard against
 * server-side request forgery. It is asked about every address a host name resolves to, and about each redirect's
 * target, before any connection is made.
 *
 * <p>Blocked are Synapse's {@code DEFAULT_IP_RANGE_BLOCKLIST} (loopback, private, CGNAT, link-local, unique-local,
 * documentation, benchmarking and multicast ranges) plus what Synapse's {@code generate_ip_set} adds to every list
 * ({@code 0.0.0.0}, {@code ::}) and the other non-routable blocks (0.0.0.0/8, 240.0.0.0/4, 255.255.255.255, the
 * IPv4-compatible {@code ::/96}, discard-only {@code 100::/64}). An IPv6 address that carries an IPv4 one
 * (IPv4-mapped {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is blocked when the IPv4
 * address is. The allowed ranges (Synapse's {@code url_preview_ip_range_whitelist} and {@code ip_range_whitelist}) override the
 * blocked ones.
 */
public record OutboundAddressPolicy(List<IpRange> blocked, List<IpRange> allowed) {
    /** Synapse's default blocklist, and the unroutable blocks it adds or that never name a real server. */
    public static final List<String> DEFAULT_BLOCKED = List.of(
            "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "192.0.0.0/24",
            "169.254.0.0/16", "192.88.99.0/24", "198.18.0.0/15", "192.0.2.0/24", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "::1/128", "fe80::/10", "fc00::/7", "2001:db8::/32", "ff00::/8",
            "fec0::/10",
            "0.0.0.0/8", "240.0.0.0/4", "255.255.255.255/32", "::/128", "::/96", "100::/64");

    private static final IpRange V4_MAPPED = IpRange.parse("::ffff:0:0/96");
    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");

    public OutboundAddressPolicy {
        blocked = List.copyOf(blocked);
        allowed = List.copyOf(allowed);
    }

    /** The default blocklist with {@code extraBlocked} added, and {@code allowed} excepted from it. */
    public static OutboundAddressPolicy of(List<String> extraBlocked, List<String> allowed) {
        List<IpRange> blocked = new ArrayList<>();
        Stream.concat(DEFAULT_BLOCKED.stream(), extraBlocked.stream()).map(IpRange::parse).forEach(blocked::add);
        return new OutboundAddressPolicy(blocked, allowed.stream().map(IpRange::parse).toList());
    }

    /** The defaults, nothing allowed: every private address refused. */
    public static OutboundAddressPolicy defaults() {
        return of(List.of(), List.of());
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean permits(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (isAllowed(bytes)) {
            return true;
        }
        if (isBlocked(bytes)) {
            return false;
        }
        byte[] embedded = embeddedIpv4(bytes);
        return embedded == null || isAllowed(embedded) || !isBlocked(embedded);
    }

    private boolean isAllowed(byte[] address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    private boolean isBlocked(byte[] address) {
        return blocked.stream().anyMatch(range -> range.contains(address));
    }

    private static byte[] embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return null;
        }
        byte[] v4 = new byte[4];
        if (V4_MAPPED.contains(address) || NAT64.contains(address)) {
            System.arraycopy(address, 12, v4, 0, 4);
            return v4;
        }
        if (SIX_TO_FOUR.contains(address)) {
            System.arraycopy(address, 2, v4, 0, 4);
            return v4;
        }
        return null;
    }
}
