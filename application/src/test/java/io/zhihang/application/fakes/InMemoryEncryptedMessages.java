package io.zhihang.application.fakes;

import io.zhihang.application.port.out.lifecycle.EncryptedMessages;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Encrypted messages in a map, keyed by event id as {@code encrypted_messages} is. */
public class InMemoryEncryptedMessages implements EncryptedMessages {
    private final Map<String, EncryptedMessage> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(EncryptedMessage message) {
        if (rows.putIfAbsent(message.eventId(), message) != null) {
            throw new IllegalStateException("Encrypted already: " + message.eventId());
        }
    }

    @Override
    public Optional<EncryptedMessage> find(String eventId) {
        return Optional.ofNullable(rows.get(eventId));
    }

    @Override
    public void forgetContent(String eventId) {
        rows.computeIfPresent(eventId, (id, m) -> new EncryptedMessage(m.eventId(), m.roomId(), m.sender(), m.type(),
                m.messageType(), Optional.empty(), m.createdAt()));
    }

    @Override
    public void forget(String eventId) {
        rows.remove(eventId);
    }
}
