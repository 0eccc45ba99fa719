package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EncryptionType;

/**
 * The seed's {@code /api/encryption/...}: a sender seals their message with a password (the plaintext is purged from
 * storage; readers of the room open it with the password), marks it client-encrypted, or sets it to destroy itself.
 */
public interface MessageEncryptionUseCase {
    void encrypt(Requester requester, String messageId, EncryptionType type, char[] password, Long selfDestructSeconds);

    /** The message's text; a wrong password is {@code 403 M_FORBIDDEN}, repeated failures {@code 429}. */
    String decrypt(Requester requester, String messageId, char[] password);

    EncryptionInfo info(Requester requester, String messageId);

    void selfDestruct(Requester requester, String messageId, long seconds);
}
