package io.zhihang.server.security;

import io.zhihang.application.port.out.lifecycle.ContentSealer;
import io.zhihang.domain.lifecycle.crypto.KdfParams;
import io.zhihang.domain.lifecycle.crypto.SealedContent;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@value SealedContent#ARGON2ID_AES_256_GCM}: Argon2id (Bouncy Castle, version 0x13, no secret or associated data) turns
 * the password's UTF-8 bytes and a fresh 16-byte salt into a 32-byte key; the JDK's AES/GCM/NoPadding encrypts under it
 * with a fresh 12-byte nonce, a 128-bit tag and the caller's associated data. Salt and nonce come from
 * {@link SecureRandom}. Since every seal has its own salt, and so its own key, a nonce is never reused under a key.
 *
 * <p>New seals use {@code zhihang.messages.encryption.*}; opening uses the parameters the seal records. The password's
 * byte copy and the derived key are zeroed after use. The copy {@link SecretKeySpec} makes cannot be zeroed (the JDK's
 * {@code SecretKeySpec.destroy()} throws {@code DestroyFailedException}), so it is left to the garbage collector.
 */
@Singleton
public class Argon2AesGcmContentSealer implements ContentSealer {
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int KEY_BYTES = 32;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KdfParams defaults;
    private final SecureRandom random;
    /** Each derivation takes {@code memoryKib} of heap: bound how many run at once, as the login password hasher does. */
    private final Semaphore concurrentDerivations = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    @Inject
    public Argon2AesGcmContentSealer(HomeserverConfig config) {
        this(defaults(config.messages().encryption()), new SecureRandom());
    }

    Argon2AesGcmContentSealer(KdfParams defaults, SecureRandom random) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.random = Objects.requireNonNull(random, "random");
    }

    private static KdfParams defaults(HomeserverConfig.Encryption config) {
        return new KdfParams(config.memoryKib(), config.iterations(), config.parallelism());
    }

    @Override
    public SealedContent seal(byte[] plaintext, char[] password, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(aad, "aad");
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = derive(password, salt, defaults);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, aad);
            return new SealedContent(SealedContent.ARGON2ID_AES_256_GCM, defaults, salt, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public Optional<byte[]> open(SealedContent sealed, char[] password, byte[] aad) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(aad, "aad");
        if (!sealed.algorithm().equals(SealedContent.ARGON2ID_AES_256_GCM)) {
            throw new IllegalArgumentException("Unsupported sealing algorithm: " + sealed.algorithm());
        }
        byte[] nonce = sealed.nonce();
        byte[] ciphertext = sealed.ciphertext();
        if (nonce.length != NONCE_BYTES || ciphertext.length < TAG_BITS / 8) {
            return Optional.empty(); // not what seal() writes: altered
        }
        byte[] key = derive(password, sealed.salt(), sealed.kdf());
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext));
        } catch (AEADBadTagException wrongPasswordOrAltered) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    private byte[] derive(char[] password, byte[] salt, KdfParams params) {
        concurrentDerivations.acquireUninterruptibly();
        try {
            return deriveKey(password, salt, params);
        } finally {
            concurrentDerivations.release();
        }
    }

    /** Argon2id of the password's UTF-8 bytes (unpaired surrogates become {@code ?}), {@value #KEY_BYTES} bytes long. */
    static byte[] deriveKey(char[] password, byte[] salt, KdfParams params) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(params.memoryKib())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] key = new byte[KEY_BYTES];
            generator.generateBytes(passwordBytes, key);
            return key;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }
}
