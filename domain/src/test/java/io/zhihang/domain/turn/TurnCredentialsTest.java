package io.zhihang.domain.turn;

import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TurnCredentialsTest {
    private static final List<String> URIS = List.of("turn:turn.example.org?transport=udp");

    @Test
    void time_limited_credentials_are_coturns_use_auth_secret_scheme() {
        TurnCredentials c = TurnCredentials.timeLimited(URIS, "north", UserId.parse("@alice:example.org"),
                Duration.ofHours(1), Instant.ofEpochSecond(1_700_000_000));

        assertThat(c.username()).isEqualTo("1700003600:@alice:example.org");
        // printf '1700003600:@alice:example.org' | openssl dgst -sha1 -hmac north -binary | base64
        assertThat(c.password()).isEqualTo("6cEh1+OSEPFM5XsksE7KvMgzX1c=");
        assertThat(c.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.uris()).isEqualTo(URIS);
    }
}
