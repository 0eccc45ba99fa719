package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IpBlockListTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static IpBlock block(String cidr, Instant expires) {
        return new IpBlock(IpRange.parse(cidr), null, "@admin:example.org", NOW.minusSeconds(60), expires);
    }

    private static byte[] ip(String literal) {
        return IpRange.address(literal).orElseThrow();
    }

    @Test
    void an_address_inside_a_blocked_range_is_found_and_one_outside_is_not() {
        IpBlockList list = new IpBlockList(List.of(block("203.0.113.0/24", null), block("2001:db8::/32", null),
                block("198.51.100.7", null)));
        assertThat(list.find(ip("203.0.113.200"), NOW)).isPresent();
        assertThat(list.find(ip("203.0.114.1"), NOW)).isEmpty();
        assertThat(list.find(ip("2001:db8:1::5"), NOW)).isPresent();
        assertThat(list.find(ip("2001:db9::5"), NOW)).isEmpty();
        assertThat(list.find(ip("198.51.100.7"), NOW)).isPresent();
        assertThat(list.find(ip("198.51.100.8"), NOW)).isEmpty();
        assertThat(list.find(ip("::ffff:203.0.113.9"), NOW)).as("IPv4-mapped is IPv4").isPresent();
    }

    @Test
    void an_expired_block_lets_traffic_through_but_an_active_nested_one_still_refuses() {
        IpBlockList list = new IpBlockList(List.of(block("10.0.0.0/8", NOW), block("10.1.0.0/16", null)));
        assertThat(list.find(ip("10.2.0.1"), NOW)).isEmpty();
        assertThat(list.find(ip("10.2.0.1"), NOW.minusSeconds(1))).isPresent();
        assertThat(list.find(ip("10.1.2.3"), NOW)).get().extracting(b -> b.range().toString())
                .isEqualTo("10.1.0.0/16");
    }

    @Test
    void a_zero_prefix_blocks_its_whole_family() {
        IpBlockList list = new IpBlockList(List.of(block("0.0.0.0/0", null)));
        assertThat(list.find(ip("8.8.8.8"), NOW)).isPresent();
        assertThat(list.find(ip("::2"), NOW)).isEmpty();
    }

    @Test
    void ten_thousand_ranges_agree_with_a_linear_scan() {
        List<IpBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            blocks.add(block("10." + (i / 256 % 256) + "." + (i % 256) + ".0/" + (24 + i % 9), null));
        }
        IpBlockList list = new IpBlockList(blocks);
        for (String probe : List.of("10.0.0.0", "10.0.0.255", "10.39.15.1", "10.50.0.1", "11.0.0.1")) {
            boolean linear = blocks.stream().anyMatch(b -> b.range().contains(ip(probe)));
            assertThat(list.find(ip(probe), NOW).isPresent()).as(probe).isEqualTo(linear);
        }
    }
}
