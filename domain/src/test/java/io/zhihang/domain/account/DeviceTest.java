package io.zhihang.domain.account;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceTest {
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final DeviceId PHONE = new DeviceId("PHONE");

    @Test
    void can_be_renamed_and_remembers_where_it_was_last_seen() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Device device = new Device(ALICE, PHONE, null, null, null)
                .renamed("Alice's phone")
                .seen("10.0.0.1", now);

        assertThat(device).isEqualTo(new Device(ALICE, PHONE, "Alice's phone", "10.0.0.1", now));
    }

    @Test
    void refuses_a_display_name_over_100_characters() {
        Device device = new Device(ALICE, PHONE, "x".repeat(Device.MAX_DISPLAY_NAME_LENGTH), null, null);

        assertThatThrownBy(() -> device.renamed("x".repeat(101)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("100");
    }
}
