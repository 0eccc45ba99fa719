package io.zhihang.server.security;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.lifecycle.ContentSealer;
import io.zhihang.application.service.lifecycle.DecryptAttempts;
import io.zhihang.domain.lifecycle.crypto.KdfParams;
import io.zhihang.domain.lifecycle.crypto.SealedContent;
import io.zhihang.domain.shared.EventId;
import io.zhihang.domain.shared.UserId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealer and the decrypt guard are beans, configured from {@code zhihang.messages.encryption.*} (cheap in tests). */
@QuarkusTest
class ContentSealerWiringTest {
    @Inject
    ContentSealer sealer;

    @Inject
    DecryptAttempts decryptAttempts;

    @Test
    void the_sealer_uses_the_configured_costs_and_opens_through_the_guard() {
        byte[] aad = "$event:example.org".getBytes(StandardCharsets.UTF_8);
        SealedContent sealed = sealer.seal("hi".getBytes(StandardCharsets.UTF_8), "pw".toCharArray(), aad);

        assertThat(sealed.kdf()).isEqualTo(new KdfParams(1024, 1, 1));
        assertThat(decryptAttempts.attempt(UserId.parse("@alice:localhost"), EventId.parse("$event:example.org"),
                Instant.EPOCH, () -> sealer.open(sealed, "pw".toCharArray(), aad)))
                .hasValueSatisfying(p -> assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("hi"));
    }
}
