package io.zhihang.server.security;

import io.zhihang.application.port.out.IdGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers and secrets from {@link SecureRandom}. */
@Singleton
public class SecureRandomIds implements IdGenerator {
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final char[] LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String deviceId() {
        return pick(UPPER, 10);
    }

    @Override
    public String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String localpart() {
        return "u" + pick(LOWER_ALNUM, 11);
    }

    @Override
    public String guestLocalpart() {
        return Long.toString(1_000_000_000L + random.nextLong(9_000_000_000L));
    }

    @Override
    public String roomIdLocalpart() {
        return pick(LETTERS, 18);
    }

    private String pick(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
