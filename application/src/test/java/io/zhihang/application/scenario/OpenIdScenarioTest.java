package io.zhihang.application.scenario;

import io.zhihang.application.fakes.InMemoryOpenIdTokens;
import io.zhihang.application.fakes.MutableClock;
import io.zhihang.application.fakes.SequentialIds;
import io.zhihang.application.service.openid.OpenIdService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.openid.OpenIdToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenIdScenarioTest {
    private static final UserId ALICE = UserId.parse("@alice:example.org");

    @Test
    void a_token_names_its_user_for_an_hour_then_nobody() {
        MutableClock clock = new MutableClock();
        InMemoryOpenIdTokens tokens = new InMemoryOpenIdTokens();
        OpenIdService openId = new OpenIdService(tokens, new SequentialIds(), clock);
        OpenIdToken token = openId.request(new Requester(ALICE, new DeviceId("PHONE"), "t1", false), ALICE);

        clock.advance(OpenIdToken.LIFETIME.minusSeconds(1));
        assertThat(openId.userOf(token.token())).contains(ALICE);

        clock.advance(Duration.ofSeconds(1));
        assertThat(openId.userOf(token.token())).isEmpty();
        assertThat(openId.userOf("unknown")).isEmpty();
    }
}
