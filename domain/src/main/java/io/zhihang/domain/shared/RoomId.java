package io.zhihang.domain.shared;

import java.util.Optional;

/**
 * A room id. Up to room version 11 it is {@code !opaque_id:server}, where the opaque id may hold any Unicode code
 * points except {@code :} and NUL. From room version 12 it is {@code !} + the create event's reference hash in
 * unpadded URL-safe Base64 (43 characters), with no server. At most 255 bytes. Case-sensitive and opaque.
 */
public record RoomId(String value) {
    /** The length of a v12 room id's hash part: 32 bytes of SHA-256 in unpadded Base64. */
    public static final int HASH_LENGTH = 43;

    public RoomId {
        if (value == null || value.length() < 2 || value.charAt(0) != '!') {
            throw DomainException.invalidParam("Invalid room id: " + value);
        }
        if (Identifiers.utf8Length(value) > Identifiers.MAX_BYTES) {
            throw DomainException.invalidParam("Room id is longer than " + Identifiers.MAX_BYTES + " bytes");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            if (!Identifiers.isUnpaddedBase64(value.substring(1), HASH_LENGTH, false, true)) {
                throw DomainException.invalidParam("Invalid room id: " + value);
            }
        } else {
            if (!Identifiers.isOpaqueLocalpart(value.substring(1, colon))) {
                throw DomainException.invalidParam("Invalid room id: " + value);
            }
            Identifiers.server(value, value.substring(colon + 1), "room id");
        }
    }

    public static RoomId parse(String raw) {
        return new RoomId(raw);
    }

    /** A room id of the {@code !opaque_id:server} form (room versions 1–11). */
    public static RoomId of(String opaqueId, ServerName server) {
        if (opaqueId == null || !Identifiers.isOpaqueLocalpart(opaqueId)) {
            throw DomainException.invalidParam("Invalid room id opaque part: " + opaqueId);
        }
        return new RoomId("!" + opaqueId + ":" + server.value());
    }

    /** A room id of the v12 form, from the create event's reference hash in unpadded URL-safe Base64. */
    public static RoomId ofCreateEventHash(String urlSafeReferenceHash) {
        if (urlSafeReferenceHash != null && urlSafeReferenceHash.indexOf(':') >= 0) {
            throw DomainException.invalidParam("Invalid room id hash: " + urlSafeReferenceHash);
        }
        return new RoomId("!" + urlSafeReferenceHash);
    }

    /** The server that created the room, for the {@code !opaque_id:server} form; empty for v12 room ids. */
    public Optional<ServerName> server() {
        int colon = value.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new ServerName(value.substring(colon + 1)));
    }

    /** The part after the sigil and before the server: the opaque id, or the v12 hash. */
    public String opaqueId() {
        int colon = value.indexOf(':');
        return colon < 0 ? value.substring(1) : value.substring(1, colon);
    }

    /** Whether this is a v12 room id (the create event's hash, no server). */
    public boolean isCreateEventHash() {
        return value.indexOf(':') < 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
