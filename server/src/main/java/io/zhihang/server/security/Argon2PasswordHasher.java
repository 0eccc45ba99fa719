package io.zhihang.server.security;

import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Argon2id (Bouncy Castle) in the PHC string format {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, so cost settings
 * can change without breaking stored hashes. Also verifies bcrypt hashes ({@code $2b$…}) imported from Synapse.
 */
@Singleton
public class Argon2PasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    /** Each hash takes {@code memoryKib} of heap: bound how many run at once, so a login flood cannot exhaust memory. */
    private final Semaphore concurrentHashes = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public Argon2PasswordHasher(HomeserverConfig config) {
        this.memoryKib = config.passwordHashing().memoryKib();
        this.iterations = config.passwordHashing().iterations();
        this.parallelism = config.passwordHashing().parallelism();
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        if (password == null || encodedHash == null) {
            return false;
        }
        if (encodedHash.startsWith("$2")) {
            return verifyBcrypt(password, encodedHash);
        }
        String[] parts = encodedHash.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = value;
                    case 't' -> t = value;
                    case 'p' -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = argon2(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void simulateVerify(String password) {
        argon2(password == null ? "" : password, new byte[SALT_BYTES], memoryKib, iterations, parallelism, HASH_BYTES);
    }

    private static boolean verifyBcrypt(String password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
        concurrentHashes.acquireUninterruptibly();
        try {
            return argon2Unbounded(password, salt, m, t, p, length);
        } finally {
            concurrentHashes.release();
        }
    }

    private static byte[] argon2Unbounded(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
