package io.zhihang.domain.lifecycle;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;

import java.util.Locale;

/**
 * How a message is encrypted in the seed API: {@code simple}, by the server with a key derived from a password (the
 * server keeps only the sealed content), or {@code e2e}, by the clients (the server only records that it is). The
 * server never holds plaintext under the {@code e2e} label: end-to-end encryption happens in the sending client, so
 * only a message that arrived as the client's ciphertext ({@link #ENCRYPTED_EVENT} with an {@code algorithm} and a
 * {@code ciphertext}) can be marked {@code e2e}.
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

    /** The event type of a message a client encrypted end to end. */
    public static final String ENCRYPTED_EVENT = "m.room.encrypted";

    /**
     * Checks that a message can be encrypted this way: anything {@code simple}, only client ciphertext {@code e2e}.
     *
     * @throws DomainException {@code INVALID} for plaintext marked {@code e2e}
     */
    public void checkApplicableTo(String eventType, JsonObject content) {
        if (this == E2E && !isClientCiphertext(eventType, content)) {
            throw DomainException.invalidParam("End-to-end encryption happens in the client: the server cannot encrypt "
                    + "a message it holds in plaintext, and will not label plaintext 'e2e'. Send the message as an "
                    + "m.room.encrypted event (algorithm and ciphertext, e.g. m.megolm.v1.aes-sha2) from an "
                    + "encrypting client, or use encryption_type 'simple' with a password");
        }
    }

    /** An {@code m.room.encrypted} event whose content names its {@code algorithm} and carries a {@code ciphertext}. */
    public static boolean isClientCiphertext(String eventType, JsonObject content) {
        return ENCRYPTED_EVENT.equals(eventType) && content.get("algorithm").filter(JsonString.class::isInstance)
                .isPresent() && content.get("ciphertext").filter(c -> c instanceof JsonString || c instanceof JsonObject)
                .isPresent();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
