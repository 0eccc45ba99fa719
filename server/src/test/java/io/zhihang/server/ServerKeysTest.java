package io.zhihang.server;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.server.keys.ServerKeys;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ServerKeysTest {
    @Inject
    ServerKeys keys;

    @ConfigProperty(name = "zhihang.data-dir")
    String dataDir;

    @Test
    void keys_are_stored_under_the_data_directory_and_reloadable() throws Exception {
        Path keyFile = Path.of(dataDir, "keys", "signing.key");
        assertThat(keyFile).exists();
        assertThat(Path.of(dataDir, "keys", "jwt-private.pem")).exists();
        assertThat(Path.of(dataDir, "keys", "jwt-public.pem")).exists();
        Ed25519SigningKey reloaded = Ed25519SigningKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        assertThat(reloaded).isEqualTo(keys.signingKey());
        byte[] message = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(reloaded.verify(message, keys.signingKey().sign(message))).isTrue();
    }
}
