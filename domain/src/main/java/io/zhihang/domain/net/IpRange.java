package io.zhihang.domain.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fe80::/10}); a bare address is a
 * block of one. Parsing never asks DNS: only address literals are accepted.
 */
public final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code address/prefix} or a bare address; anything else is an {@link IllegalArgumentException}. */
    public static IpRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP range: " + cidr);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Not an IP range: " + cidr);
            }
        }
        return new IpRange(masked(address, prefix), prefix);
    }

    /**
     * The bytes of an address literal (4 for IPv4, 16 for IPv6), or empty when the text is not one; never asks DNS.
     * An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, as dual-stack sockets report IPv4 peers) is its IPv4 address.
     */
    public static Optional<byte[]> address(String literal) {
        if (literal == null || literal.isEmpty() || literal.indexOf('/') >= 0 || literal.indexOf('%') >= 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = literal(literal);
            if (bytes.length == 16 && isV4Mapped(bytes)) {
                return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
            }
            return Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The range of the one address given by these bytes (a /32 or /128). */
    public static IpRange single(byte[] address) {
        return new IpRange(address.clone(), address.length * 8);
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** Whether {@code address} lies in this block; an IPv4 address is never in an IPv6 block or the reverse. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** The same, for the bytes of an address (see {@link #address(String)}). */
    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(masked(address, prefixLength), network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static byte[] literal(String text) {
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    throw new IllegalArgumentException("Not an IP address: " + text);
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (text.indexOf(':') < 0) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        try {
            // brackets make the JDK parse an IPv6 literal or fail, never look the text up in DNS
            InetAddress parsed = InetAddress.getByName("[" + text + "]");
            byte[] bytes = parsed.getAddress();
            return parsed instanceof Inet4Address ? v4MappedAsIs(text, bytes) : bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
    }

    /** {@code ::ffff:a.b.c.d} written as a range stays an IPv6 range (the JDK would fold it to IPv4). */
    private static byte[] v4MappedAsIs(String text, byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** Whether this is an IPv4 range (else IPv6). */
    public boolean isIpv4() {
        return network.length == 4;
    }

    /** Bit {@code index} (0 = most significant) of the network address. */
    public boolean bit(int index) {
        return (network[index >> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** Whether this range lies inside {@code other} (or is it). */
    public boolean within(IpRange other) {
        return other.network.length == network.length && other.prefixLength <= prefixLength && other.contains(network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
