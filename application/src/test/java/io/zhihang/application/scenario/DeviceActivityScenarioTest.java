package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceActivityScenarioTest {

    @Test
    void a_device_shows_where_and_when_it_was_last_used_once_activity_is_flushed() {
        TestHomeserver server = TestHomeserver.open();
        server.register("alice", "correct horse");
        IssuedSession phone = server.login("alice", "correct horse", "PHONE");
        Instant later = server.clock.advance(Duration.ofMinutes(7));

        Requester requester = server.tokenService.authenticate(phone.accessToken(), "203.0.113.9");
        Device before = server.deviceService.get(requester, phone.deviceId());
        server.deviceActivity.flushDeviceActivity();
        Device after = server.deviceService.get(requester, phone.deviceId());

        assertThat(before.lastSeenTs()).isBefore(later);
        assertThat(after.lastSeenIp()).isEqualTo("203.0.113.9");
        assertThat(after.lastSeenTs()).isEqualTo(later);
    }

    @Test
    void activity_of_a_deleted_device_does_not_bring_it_back() {
        TestHomeserver server = TestHomeserver.open();
        server.register("alice", "correct horse");
        IssuedSession phone = server.login("alice", "correct horse", "PHONE");
        Requester requester = server.tokenService.authenticate(phone.accessToken(), "203.0.113.9");
        server.tokenService.logout(requester);

        server.deviceActivity.flushDeviceActivity();

        assertThat(server.devices.find(requester.userId(), phone.deviceId())).isEmpty();
    }
}
