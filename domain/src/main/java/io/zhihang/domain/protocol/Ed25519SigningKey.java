package io.zhihang.domain.protocol;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * A server signing key: an Ed25519 key pair from the JDK, named {@code ed25519:<version>}. Stored as its 32-byte
 * seed, like Synapse's {@code signing.key} ({@code ed25519 <version> <unpadded base64 seed>}).
 */
public final class Ed25519SigningKey {
    private final String version;
    private final byte[] seed;
    private final KeyPair keyPair;
    private final Ed25519Engine engine;

    private Ed25519SigningKey(String version, byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("An Ed25519 seed has 32 bytes");
        }
        this.version = version;
        this.seed = seed.clone();
        this.keyPair = derive(seed);
        this.engine = null;
    }

    private Ed25519SigningKey(Ed25519SigningKey key, Ed25519Engine engine) {
        this.version = key.version;
        this.seed = key.seed;
        this.keyPair = key.keyPair;
        this.engine = engine;
    }

    /**
     * The same key, signing through the engine made for its seed (e.g. a faster vetted implementation than the JDK's). Ed25519 is
     * deterministic, so every engine yields the same signatures.
     */
    public Ed25519SigningKey withEngine(java.util.function.Function<byte[], Ed25519Engine> engineForSeed) {
        return new Ed25519SigningKey(this, engineForSeed.apply(seed.clone()));
    }

    public static Ed25519SigningKey fromSeed(String version, byte[] seed) {
        return new Ed25519SigningKey(version, seed);
    }

    public static Ed25519SigningKey generate(String version, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return new Ed25519SigningKey(version, seed);
    }

    /** Reads Synapse's one-line format: {@code ed25519 <version> <base64 seed>}. */
    public static Ed25519SigningKey parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 || !parts[0].equals("ed25519")) {
            throw new IllegalArgumentException("Not an ed25519 signing key line");
        }
        return fromSeed(parts[1], UnpaddedBase64.decode(parts[2]));
    }

    public String format() {
        return "ed25519 " + version + " " + UnpaddedBase64.encode(seed);
    }

    public String keyId() {
        return "ed25519:" + version;
    }

    /** The 32-byte public key, unpadded Base64, as published in {@code /_matrix/key/v2/server}. */
    public String publicKeyBase64() {
        return UnpaddedBase64.encode(publicKeyBytes());
    }

    public byte[] sign(byte[] message) {
        if (engine != null) {
            return engine.sign(message);
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keyPair.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keyPair.getPublic());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] publicKeyBytes() {
        EdECPublicKey pub = (EdECPublicKey) keyPair.getPublic();
        // RFC 8032 encoding: little-endian y with the sign of x in the top bit.
        byte[] y = pub.getPoint().getY().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < y.length && i < 32; i++) {
            out[i] = y[y.length - 1 - i];
        }
        if (pub.getPoint().isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** The JDK derives the public key from the 32 bytes its generator draws; we hand it the seed as those bytes. */
    private static KeyPair derive(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** A "random" source that returns the seed, so the JDK's generator yields the key pair of that seed. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] target) {
            if (target.length != bytes.length) {
                throw new IllegalStateException("Unexpected request for " + target.length + " bytes");
            }
            System.arraycopy(bytes, 0, target, 0, bytes.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519SigningKey k && k.version.equals(version) && Arrays.equals(k.seed, seed);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[" + keyId() + "]";
    }
}
