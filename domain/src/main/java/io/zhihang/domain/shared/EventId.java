package io.zhihang.domain.shared;

import java.util.Optional;

/**
 * An event id. Room versions 1–2: {@code $opaque_id:server}, chosen by the origin server. Room version 3+:
 * {@code $} + the event's reference hash in unpadded Base64 (43 characters; standard alphabet in v3, URL-safe from
 * v4), with no server. At most 255 bytes. Case-sensitive and opaque.
 */
public record EventId(String value) {
    /** The length of a v3+ event id's hash part: 32 bytes of SHA-256 in unpadded Base64. */
    public static final int HASH_LENGTH = 43;

    public EventId {
        if (value == null || value.length() < 2 || value.charAt(0) != '$') {
            throw DomainException.invalidParam("Invalid event id: " + value);
        }
        if (Identifiers.utf8Length(value) > Identifiers.MAX_BYTES) {
            throw DomainException.invalidParam("Event id is longer than " + Identifiers.MAX_BYTES + " bytes");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            if (!Identifiers.isUnpaddedBase64(value.substring(1), HASH_LENGTH, true, true)) {
                throw DomainException.invalidParam("Invalid event id: " + value);
            }
        } else {
            if (!Identifiers.isOpaqueLocalpart(value.substring(1, colon))) {
                throw DomainException.invalidParam("Invalid event id: " + value);
            }
            Identifiers.server(value, value.substring(colon + 1), "event id");
        }
    }

    public static EventId parse(String raw) {
        return new EventId(raw);
    }

    /** The origin server, for the room v1/v2 form {@code $opaque_id:server}; empty for hash-based ids. */
    public Optional<ServerName> server() {
        int colon = value.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new ServerName(value.substring(colon + 1)));
    }

    /** Whether this is a v3+ event id (the reference hash, no server). */
    public boolean isReferenceHash() {
        return value.indexOf(':') < 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
