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

    /** Forgets the message's encryption altogether, sealed content included (the message was recalled). */
    void forget(String eventId);

    /** Whether the message's content is sealed with a password (and so hidden by a redaction that is no recall). */
    default boolean isSealedWithPassword(String eventId) {
        return find(eventId).filter(EncryptedMessage::isSealedWithPassword).isPresent();
    }

    record EncryptedMessage(String eventId, String roomId, String sender, EncryptionType type, String messageType,
                            Optional<SealedContent> sealed, Instant createdAt) {
        /** Password ({@code simple}) encryption whose ciphertext is still kept. */
        public boolean isSealedWithPassword() {
            return type == EncryptionType.SIMPLE && sealed.isPresent();
        }
    }
}
