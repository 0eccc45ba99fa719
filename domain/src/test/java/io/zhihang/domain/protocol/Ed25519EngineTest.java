package io.zhihang.domain.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Ed25519EngineTest {

    @Test
    void a_key_signs_through_the_engine_made_for_its_seed() {
        Ed25519SigningKey key = Ed25519SigningKey.generate("1", new SecureRandom());
        byte[] message = "{}".getBytes(StandardCharsets.UTF_8);
        byte[][] seen = new byte[1][];
        Ed25519SigningKey plugged = key.withEngine(seed -> {
            seen[0] = seed;
            return key::sign;
        });

        assertThat(plugged.sign(message)).isEqualTo(key.sign(message));
        assertThat(seen[0]).hasSize(32);
        assertThat(plugged).isEqualTo(key);
        assertThat(plugged.verify(message, plugged.sign(message))).isTrue();
    }
}
