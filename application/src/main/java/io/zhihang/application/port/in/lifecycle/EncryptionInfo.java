package io.zhihang.application.port.in.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/encryption/{id}/info}: whether the message is encrypted (and how), whether and when it destroys
 * itself, and whether it has.
 */
public record EncryptionInfo(boolean encrypted, Optional<String> encryptionType, String messageType,
                             Instant createdAt, Optional<Instant> selfDestructAt, boolean destroyed) {
}
