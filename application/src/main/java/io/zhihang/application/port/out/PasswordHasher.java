package io.zhihang.application.port.out;

/** One-way password hashing with a per-password salt; verification runs in constant time. */
public interface PasswordHasher {
    String hash(String password);

    boolean verify(String password, String encodedHash);

    /** Burns the time of one verification, so unknown users cannot be told apart from wrong passwords by timing. */
    void simulateVerify(String password);
}
