package io.zhihang.domain.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundAddressPolicyTest {
    private final OutboundAddressPolicy defaults = OutboundAddressPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "169.254.169.254", "192.0.0.8", "192.0.2.1", "198.18.0.1",
            "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "0.0.0.0", "0.1.2.3", "240.0.0.1",
            "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456:789a::1", "2001:db8::1", "ff02::1", "fec0::1",
            "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a00:1::", "100::1"})
    void internal_addresses_are_refused(String address) throws UnknownHostException {
        assertThat(defaults.permits(literal(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void public_addresses_are_allowed(String address) throws UnknownHostException {
        assertThat(defaults.permits(literal(address))).isTrue();
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_judged_as_the_ipv4_address_it_carries() throws UnknownHostException {
        // the JDK folds ::ffff:a.b.c.d into the IPv4 address; the raw sixteen bytes are judged alike
        assertThat(defaults.permits(literal("::ffff:127.0.0.1"))).isFalse();
        assertThat(defaults.permits(literal("::ffff:10.0.0.1"))).isFalse();
        assertThat(defaults.permits(literal("::ffff:8.8.8.8"))).isTrue();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[13] = (byte) 168;
        mapped[15] = 1;
        assertThat(defaults.permits(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
    }

    @Test
    void allowed_ranges_override_the_blocklist_and_nothing_else() throws UnknownHostException {
        OutboundAddressPolicy policy = OutboundAddressPolicy.of(List.of(), List.of("127.0.0.1/32", "fd00::/8"));
        assertThat(policy.permits(literal("127.0.0.1"))).isTrue();
        assertThat(policy.permits(literal("::ffff:127.0.0.1"))).isTrue();
        assertThat(policy.permits(literal("127.0.0.2"))).isFalse();
        assertThat(policy.permits(literal("fd00::5"))).isTrue();
        assertThat(policy.permits(literal("10.0.0.1"))).isFalse();
    }

    @Test
    void extra_blocked_ranges_add_to_the_defaults() throws UnknownHostException {
        OutboundAddressPolicy policy = OutboundAddressPolicy.of(List.of("93.184.0.0/16"), List.of());
        assertThat(policy.permits(literal("93.184.216.34"))).isFalse();
        assertThat(policy.permits(literal("127.0.0.1"))).isFalse();
        assertThat(policy.permits(literal("8.8.8.8"))).isTrue();
    }

    @Test
    void ranges_are_address_literals_never_names() {
        assertThat(IpRange.parse("10.0.0.0/8").toString()).isEqualTo("10.0.0.0/8");
        assertThat(IpRange.parse("10.9.8.7/8")).isEqualTo(IpRange.parse("10.0.0.0/8"));
        assertThat(IpRange.parse("192.168.1.1")).isEqualTo(IpRange.parse("192.168.1.1/32"));
        assertThatThrownBy(() -> IpRange.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("example.org/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("256.0.0.0/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("fe80::zz/10")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address);
    }
}
