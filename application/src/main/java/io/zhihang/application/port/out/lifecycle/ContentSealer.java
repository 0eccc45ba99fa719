package io.zhihang.application.port.out.lifecycle;

import io.zhihang.domain.lifecycle.crypto.SealedContent;

import java.util.Optional;

/**
 * Encrypts a message's content under a password the sender chose ({@code encryption_type: "simple"}), and decrypts it
 * again for whoever knows the password. The key is derived from the password with a memory-hard KDF and a fresh random
 * salt, the content encrypted with an AEAD cipher and a fresh random nonce; neither the password nor the key is kept.
 *
 * <p>{@code aad} (associated data, see {@link io.zhihang.domain.lifecycle.crypto.AssociatedData}) is authenticated but
 * not stored: {@link #open} needs the same bytes that {@link #seal} was given, so a sealed blob moved to another message
 * does not open. The password is the caller's: implementations zero their own copies of it and of the key, and the
 * caller clears its array when done. Check the password with
 * {@link io.zhihang.domain.lifecycle.crypto.EncryptionPasswordPolicy} first. Both methods take CPU time and memory by
 * design (tens of milliseconds, ~19 MiB by default): call them outside locks, and rate limit {@link #open}.
 */
public interface ContentSealer {
    /** Encrypts {@code plaintext}, with the current default key-derivation parameters recorded in the result. */
    SealedContent seal(byte[] plaintext, char[] password, byte[] aad);

    /**
     * Decrypts with the parameters recorded in {@code sealed}. Empty when the password is wrong or anything (ciphertext,
     * nonce, salt, parameters, associated data) was changed: the two cannot be told apart, and neither throws.
     *
     * @throws IllegalArgumentException if {@code sealed} names an algorithm this implementation does not know
     */
    Optional<byte[]> open(SealedContent sealed, char[] password, byte[] aad);
}
