package io.zhihang.domain.lifecycle.crypto;

import io.zhihang.domain.shared.DomainException;

/**
 * What a password that encrypts a message must satisfy: present, not empty, at most {@value #MAX_LENGTH} characters
 * (Unicode code points), and well-formed Unicode (no unpaired surrogate, which has no UTF-8 form). Nothing else: the
 * sender chooses how strong it is, and a weak one only weakens that one message. The password is used exactly as
 * given, as UTF-8, with no Unicode normalisation (as login passwords are), so a client should send it the way it was
 * typed. Check it both when sealing and when opening: a longer one cannot open anything, and refusing it early spares
 * a key derivation.
 */
public final class EncryptionPasswordPolicy {
    public static final int MAX_LENGTH = 1024;

    private EncryptionPasswordPolicy() {
    }

    /**
     * Throws {@code M_MISSING_PARAM} for a missing or empty password, {@code M_INVALID_PARAM} for a too long or
     * malformed one.
     */
    public static void check(char[] password) {
        if (password == null || password.length == 0) {
            throw DomainException.missingParam("Missing encryption password");
        }
        int codePoints = 0;
        for (int i = 0; i < password.length; i++, codePoints++) {
            char c = password[i];
            if (Character.isHighSurrogate(c) && i + 1 < password.length && Character.isLowSurrogate(password[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw DomainException.invalidParam("Encryption password is not valid Unicode");
            }
        }
        if (codePoints > MAX_LENGTH) {
            throw DomainException.invalidParam("Encryption password longer than " + MAX_LENGTH + " characters");
        }
    }
}
