package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.lifecycle.EncryptionInfo;
import io.zhihang.application.port.in.lifecycle.MessageEncryptionUseCase;
import io.zhihang.application.port.out.lifecycle.ContentSealer;
import io.zhihang.application.port.out.lifecycle.EncryptedMessages;
import io.zhihang.application.port.out.lifecycle.EncryptedMessages.EncryptedMessage;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EncryptionType;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.lifecycle.SelfDestruct;
import io.zhihang.domain.lifecycle.crypto.AssociatedData;
import io.zhihang.domain.lifecycle.crypto.EncryptionPasswordPolicy;
import io.zhihang.domain.lifecycle.crypto.SealedContent;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.EventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;

/**
 * Password-encrypted and self-destructing messages. {@code simple} encryption seals the message's content with a key
 * derived from the password (Argon2id, AES-256-GCM bound to the event id) and then purges the plaintext: the room
 * shows the message redacted, the database keeps only salt, nonce and ciphertext, and readers of the room get the
 * text back from {@code decrypt} with the password. {@code e2e} only records that a message arrived as its client's
 * ciphertext; plaintext is never labelled so. Only the sender encrypts or sets a self-destruct time. Encryption is
 * not recall: a password-encrypted message can still be recalled, which purges its ciphertext too.
 */
@ApplicationScoped
public class MessageEncryptionService implements MessageEncryptionUseCase {
    static final String ENCRYPTED_REASON = "Encrypted with a password";

    private final SeedMessageService messages;
    private final ContentSealer sealer;
    private final EncryptedMessages encrypted;
    private final SelfDestructs timers;
    private final MessagePurge purge;
    private final DecryptAttempts attempts;
    private final InstantSource clock;

    public MessageEncryptionService(SeedMessageService messages, ContentSealer sealer, EncryptedMessages encrypted,
                                    SelfDestructs timers, MessagePurge purge, DecryptAttempts attempts,
                                    InstantSource clock) {
        this.messages = messages;
        this.sealer = sealer;
        this.encrypted = encrypted;
        this.timers = timers;
        this.purge = purge;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void encrypt(Requester requester, String messageId, EncryptionType type, char[] password,
                        Long selfDestructSeconds) {
        StoredEvent message = ownMessage(requester, messageId);
        Instant now = clock.instant();
        Instant destructAt = selfDestructSeconds == null ? null : SelfDestruct.after(now, selfDestructSeconds);
        if (encrypted.find(message.pdu().eventId()).isPresent()) {
            throw DomainException.invalidParam("The message is encrypted already");
        }
        type.checkApplicableTo(message.pdu().type(), message.pdu().content());
        String messageType = type == EncryptionType.E2E ? MessageType.TEXT.seedName()
                : MessageType.of(message.pdu().type(), message.pdu().content())
                .orElseThrow(() -> DomainException.invalidParam("Only messages can be encrypted")).seedName();
        Optional<SealedContent> sealed = Optional.empty();
        if (type == EncryptionType.SIMPLE) {
            EncryptionPasswordPolicy.check(password);
            byte[] plaintext = CanonicalJson.encode(message.pdu().content()).getBytes(StandardCharsets.UTF_8);
            try {
                sealed = Optional.of(sealer.seal(plaintext, password, aad(message)));
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
        encrypted.insert(new EncryptedMessage(message.pdu().eventId(), message.pdu().roomId(),
                message.pdu().sender(), type, messageType, sealed, now));
        if (type == EncryptionType.SIMPLE) {
            purge.destroy(message.pdu().eventId(), ENCRYPTED_REASON, now);
        }
        if (destructAt != null) {
            timers.schedule(message.pdu().eventId(), message.pdu().roomId(), destructAt);
        }
    }

    @Override
    public String decrypt(Requester requester, String messageId, char[] password) {
        StoredEvent message = messages.readable(requester, messageId);
        EncryptedMessage record = encrypted.find(message.pdu().eventId())
                .orElseThrow(() -> message.isRedacted() ? DomainException.notFound("The message was recalled")
                        : DomainException.invalidParam("The message is not encrypted"));
        if (record.type() == EncryptionType.E2E) {
            throw DomainException.invalidParam("The message is end-to-end encrypted: only its recipients' devices can "
                    + "decrypt it");
        }
        SealedContent sealed = record.sealed()
                .orElseThrow(() -> DomainException.notFound("The message has destroyed itself"));
        EncryptionPasswordPolicy.check(password);
        byte[] opened = attempts.attempt(requester.userId(), new EventId(message.pdu().eventId()), clock.instant(),
                () -> sealer.open(sealed, password, aad(message)))
                .orElseThrow(() -> DomainException.forbidden("Wrong password"));
        try {
            var content = Json.parseObject(new String(opened, StandardCharsets.UTF_8));
            return content.string("body").orElse("");
        } finally {
            Arrays.fill(opened, (byte) 0);
        }
    }

    @Override
    public EncryptionInfo info(Requester requester, String messageId) {
        StoredEvent message = messages.readable(requester, messageId);
        String eventId = message.pdu().eventId();
        Optional<EncryptedMessage> record = encrypted.find(eventId);
        Optional<SelfDestructs.Scheduled> timer = timers.find(eventId);
        String messageType = record.map(EncryptedMessage::messageType).orElseGet(() ->
                MessageType.of(message.pdu().type(), message.pdu().content()).map(MessageType::seedName)
                        .orElse("text"));
        return new EncryptionInfo(record.isPresent(), record.map(r -> r.type().value()), messageType,
                Instant.ofEpochMilli(message.pdu().originServerTs()), timer.map(SelfDestructs.Scheduled::at),
                timer.flatMap(SelfDestructs.Scheduled::destroyedAt).isPresent());
    }

    @Override
    @Transactional
    public void selfDestruct(Requester requester, String messageId, long seconds) {
        StoredEvent message = ownMessage(requester, messageId);
        timers.schedule(message.pdu().eventId(), message.pdu().roomId(), SelfDestruct.after(clock.instant(), seconds));
    }

    private StoredEvent ownMessage(Requester requester, String messageId) {
        StoredEvent message = messages.readable(requester, messageId);
        if (!message.pdu().sender().equals(requester.userId().toString())) {
            throw DomainException.forbidden("Only the sender may do this to a message");
        }
        if (message.isRedacted()) {
            throw DomainException.invalidParam(encrypted.find(message.pdu().eventId()).isPresent()
                    ? "The message is encrypted already" : "The message was recalled");
        }
        return message;
    }

    private static byte[] aad(StoredEvent message) {
        return AssociatedData.forMessage(message.pdu().roomId(), message.pdu().eventId());
    }
}
