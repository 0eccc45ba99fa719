package io.zhihang.domain.lifecycle;

import io.zhihang.domain.shared.DomainException;

import java.util.Locale;

/**
 * How a message is encrypted in the seed API: {@code simple}, by the server with a key derived from a password (the
 * server keeps only the sealed content), or {@code e2e}, by the clients (the server only records that it is).
 */
public enum EncryptionType {
    SIMPLE, E2E;

    public static EncryptionType parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.missingParam("encryption_type is required");
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "simple" -> SIMPLE;
            case "e2e" -> E2E;
            default -> throw DomainException.invalidParam("encryption_type must be 'simple' or 'e2e'");
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
