package io.zhihang.server.push;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpRangesTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void private_loopback_and_reserved_addresses_are_blocked_by_default_public_ones_not() throws Exception {
        IpRanges blocked = IpRanges.SYNAPSE_BLOCKED;
        assertThat(blocked.contains(ip("127.0.0.1"))).isTrue();
        assertThat(blocked.contains(ip("10.1.2.3"))).isTrue();
        assertThat(blocked.contains(ip("172.31.255.255"))).isTrue();
        assertThat(blocked.contains(ip("172.32.0.1"))).isFalse();
        assertThat(blocked.contains(ip("192.168.1.1"))).isTrue();
        assertThat(blocked.contains(ip("::1"))).isTrue();
        assertThat(blocked.contains(ip("fd12::1"))).isTrue();
        assertThat(blocked.contains(ip("0.0.0.0"))).isTrue();
        assertThat(blocked.contains(ip("8.8.8.8"))).isFalse();
        assertThat(blocked.contains(ip("2606:4700::1111"))).isFalse();
    }

    @Test
    void an_allowlist_names_ranges_and_single_addresses() throws Exception {
        IpRanges allowed = IpRanges.parse(List.of("127.0.0.0/8", " 10.0.0.7 "));
        assertThat(allowed.contains(ip("127.0.0.1"))).isTrue();
        assertThat(allowed.contains(ip("10.0.0.7"))).isTrue();
        assertThat(allowed.contains(ip("10.0.0.8"))).isFalse();
        assertThatThrownBy(() -> IpRanges.parse(List.of("example.org/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRanges.parse(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
