package io.zhihang.server.keys;

import io.quarkus.runtime.StartupEvent;
import io.zhihang.application.port.out.SigningKeyProvider;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's keys, made on first start and reused after: the RSA key pair that signs access tokens (PEM files
 * SmallRye JWT reads lazily, at the first token) and the Ed25519 server signing key for federation (Synapse's
 * {@code signing.key} format). Runs before the HTTP server opens.
 */
@Singleton
public class ServerKeys implements SigningKeyProvider {
    private static final Logger LOG = Logger.getLogger(ServerKeys.class);

    private final Path jwtPrivate;
    private final Path jwtPublic;
    private final Path signingKeyFile;
    private final Path dataDir;
    private volatile Ed25519SigningKey signingKey;

    public ServerKeys(HomeserverConfig config,
                      @ConfigProperty(name = "smallrye.jwt.sign.key.location") String jwtPrivate,
                      @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwtPublic) {
        this.jwtPrivate = Path.of(jwtPrivate);
        this.jwtPublic = Path.of(jwtPublic);
        this.signingKeyFile = Path.of(config.dataDir(), "keys", "signing.key");
        this.dataDir = Path.of(config.dataDir());
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        restrictToOwner(dataDir);
        ensureJwtKeys();
        signingKey = withFastEngine(loadOrCreateSigningKey());
        LOG.infof("Server signing key %s, public key %s", signingKey.keyId(), signingKey.publicKeyBase64());
    }

    @Override
    public Ed25519SigningKey signingKey() {
        return signingKey;
    }

    private void ensureJwtKeys() {
        if (Files.exists(jwtPrivate) && Files.exists(jwtPublic)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(jwtPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(jwtPublic, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.infof("Generated the access-token signing key pair in %s", jwtPrivate.getParent());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private Ed25519SigningKey loadOrCreateSigningKey() {
        try {
            if (Files.exists(signingKeyFile)) {
                return Ed25519SigningKey.parse(Files.readString(signingKeyFile, StandardCharsets.UTF_8));
            }
            String version = "a_" + Long.toString(new SecureRandom().nextInt(1 << 24) + (1L << 24), 36).substring(1);
            Ed25519SigningKey key = Ed25519SigningKey.generate(version, new SecureRandom());
            writeSecret(signingKeyFile, key.format() + "\n");
            LOG.infof("Generated the server signing key in %s", signingKeyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + signingKeyFile, e);
        }
    }

    /** The key, signing with Bouncy Castle's Ed25519 (about ten times faster than the JDK's). */
    public static Ed25519SigningKey withFastEngine(Ed25519SigningKey key) {
        return key.withEngine(BouncyCastleEd25519::new);
    }

    /** The data directory holds the database (password hashes) and keys: only the server's user may enter it. */
    private static void restrictToOwner(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        setPermissions(dir, "rwx------");
    }

    /** POSIX permissions where the file system has them (elsewhere, e.g. on Windows, the OS defaults stay). */
    private static void setPermissions(Path path, String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            LOG.warnf("No POSIX permissions on this file system: %s keeps the default access rights", path);
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            LOG.warnf("Could not restrict permissions of %s", path);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void writeSecret(Path file, String content) throws UncheckedIOException {
        write(file, content);
        setPermissions(file, "rw-------");
    }
}
