package io.zhihang.application.fakes;

import io.zhihang.application.port.out.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/** Hashes {@code pw} to {@code hash:pw}: readable in assertions, never for production. */
public class FakePasswordHasher implements PasswordHasher {
    private static final String PREFIX = "hash:";

    private final AtomicInteger simulatedVerifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        return PREFIX + password;
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        return encodedHash != null && encodedHash.equals(PREFIX + password);
    }

    @Override
    public void simulateVerify(String password) {
        simulatedVerifications.incrementAndGet();
    }

    /** How often a verification was faked for an unknown user. */
    public int simulatedVerifications() {
        return simulatedVerifications.get();
    }
}
