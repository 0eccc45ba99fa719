package io.zhihang.application.scenario;

import io.zhihang.application.fakes.InMemoryDeviceInbox;
import io.zhihang.application.fakes.InMemoryMediaRepository;
import io.zhihang.application.fakes.InMemoryOpenIdTokens;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.service.maintenance.MaintenanceService;
import io.zhihang.domain.auth.UiaSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UiaHousekeepingScenarioTest {

    @Test
    void abandoned_uia_sessions_are_purged_after_their_lifetime() {
        TestHomeserver server = TestHomeserver.open();
        MaintenanceService maintenance = new MaintenanceService(server.uiaSessions, new InMemoryDeviceInbox(server.devices),
                new InMemoryMediaRepository(), new InMemoryOpenIdTokens(), server.clock);
        String session = catchThrowableOfType(UiaRequiredException.class, () -> server.registration.register(
                new RegisterCommand(null, "abandoned", "long enough password", null, null, false, false, null, null))).session();

        maintenance.purgeExpired();
        assertThat(server.uiaSessions.find(session)).isPresent();

        server.clock.advance(UiaSession.LIFETIME.plus(Duration.ofSeconds(1)));
        maintenance.purgeExpired();
        assertThat(server.uiaSessions.find(session)).isEmpty();
    }
}
