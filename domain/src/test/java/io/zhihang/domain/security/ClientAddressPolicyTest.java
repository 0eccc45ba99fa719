package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressPolicyTest {
    private final ClientAddressPolicy behindProxies = new ClientAddressPolicy(
            List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("fd00::/8")), true);

    @Test
    void without_trusted_proxies_the_forwarded_header_is_ignored() {
        ClientAddressPolicy direct = new ClientAddressPolicy(List.of(), true);
        assertThat(direct.clientAddress("198.51.100.1", "203.0.113.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void an_untrusted_peer_cannot_claim_another_address() {
        assertThat(behindProxies.clientAddress("198.51.100.1", "203.0.113.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void the_right_most_untrusted_hop_is_the_client() {
        assertThat(behindProxies.clientAddress("10.0.0.1", "1.1.1.1, 203.0.113.9, 10.0.0.2"))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientAddress("fd00::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void a_garbled_hop_stops_the_walk_at_the_last_proxy() {
        assertThat(behindProxies.clientAddress("10.0.0.1", "203.0.113.9, not-an-address")).isEqualTo("10.0.0.1");
    }

    @Test
    void loopback_is_exempt_only_when_configured() {
        byte[] loopback = IpRange.address("127.0.0.1").orElseThrow();
        assertThat(behindProxies.exempt(loopback)).isTrue();
        assertThat(behindProxies.exempt(IpRange.address("::1").orElseThrow())).isTrue();
        assertThat(new ClientAddressPolicy(List.of(), false).exempt(loopback)).isFalse();
    }
}
