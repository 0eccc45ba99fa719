package io.zhihang.application.port.out.lifecycle;

import io.zhihang.domain.lifecycle.EncryptionType;
import io.zhihang.domain.lifecycle.crypto.SealedContent;

import java.time.Instant;
import java.util.Optional;

/** Messages encrypted through the seed API: the sealed content of {@code simple} ones, the mark of {@code e2e} ones. */
public interface EncryptedMessages {
    /** Fails (unique key) if the message was encrypted already. */
    void insert(EncryptedMessage message);

    Optional<EncryptedMessage> find(String eventId);

    /** Forgets the sealed content (the message destroyed itself); the record of what it was stays. */
    void forgetContent(String eventId);

    record EncryptedMessage(String eventId, String roomId, String sender, EncryptionType type, String messageType,
                            Optional<SealedContent> sealed, Instant createdAt) {
    }
}
