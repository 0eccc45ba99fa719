package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Event hashes (matrix-spec, server-server API "Calculating the content hash for an event" and "Calculating the
 * reference hash for an event"). Hashes are SHA-256; the content hash is written as unpadded standard Base64.
 */
public final class EventHashing {

    private EventHashing() {
    }

    /**
     * The content hash: SHA-256 of the canonical JSON of the event without {@code unsigned}, {@code signatures} and
     * {@code hashes}, as unpadded standard Base64.
     */
    public static String contentHash(JsonObject event) {
        JsonObject covered = event.toBuilder().remove("unsigned").remove("signatures").remove("hashes").build();
        return UnpaddedBase64.encode(sha256(CanonicalJson.encodeUtf8(covered)));
    }

    /** The event with {@code hashes.sha256} set to its content hash; other hash algorithms present are kept. */
    public static JsonObject withContentHash(JsonObject event) {
        JsonObject hashes = event.object("hashes").orElse(JsonObject.EMPTY);
        return event.with("hashes", hashes.with("sha256", new JsonString(contentHash(event))));
    }

    /** Whether {@code hashes.sha256} is present and equals the content hash (if not, the event must be redacted). */
    public static boolean hasValidContentHash(JsonObject event) {
        return event.object("hashes").flatMap(h -> h.string("sha256"))
                .map(claimed -> {
                    try {
                        return MessageDigest.isEqual(UnpaddedBase64.decode(claimed),
                                UnpaddedBase64.decode(contentHash(event)));
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    /**
     * The reference hash as unpadded standard Base64: SHA-256 of the canonical JSON of the event redacted per the room
     * version, without {@code signatures} and {@code unsigned}. Room v1/v2 write it this way in {@code prev_events}
     * and {@code auth_events}; event ids use {@link #eventId}.
     */
    public static String referenceHash(JsonObject event, RoomVersion version) {
        return UnpaddedBase64.encode(referenceHashBytes(event, version));
    }

    /** The 32 raw bytes of the reference hash. */
    public static byte[] referenceHashBytes(JsonObject event, RoomVersion version) {
        JsonObject redacted = Redaction.redact(event, version).toBuilder()
                .remove("signatures").remove("unsigned").build();
        return sha256(CanonicalJson.encodeUtf8(redacted));
    }

    /**
     * The event id derived from the reference hash: room v3 {@code $} + unpadded standard Base64, v4+ {@code $} +
     * unpadded URL-safe Base64.
     *
     * @throws IllegalArgumentException for room v1/v2, whose ids are chosen by the origin server and travel in the event
     */
    public static String eventId(JsonObject event, RoomVersion version) {
        if (version.eventIdFormat() == RoomVersion.EventIdFormat.V1_SERVER_GENERATED) {
            throw new IllegalArgumentException("Room version " + version.id()
                    + " has server-generated event ids; they are not derived from the event");
        }
        return eventIdOf(referenceHashBytes(event, version), version);
    }

    /** The event id for a reference hash already computed (room v3+). */
    static String eventIdOf(byte[] referenceHash, RoomVersion version) {
        return switch (version.eventIdFormat()) {
            case V1_SERVER_GENERATED -> throw new IllegalArgumentException(
                    "Room version " + version.id() + " has server-generated event ids; they are not derived from the event");
            case V3_STANDARD_BASE64 -> "$" + UnpaddedBase64.encode(referenceHash);
            case V4_URL_SAFE_BASE64 -> "$" + UnpaddedBase64.encodeUrlSafe(referenceHash);
        };
    }

    /**
     * The room id of a room v12+ create event: {@code !} + its reference hash as unpadded URL-safe Base64.
     *
     * @throws IllegalArgumentException if the room version does not derive room ids from the create event
     */
    public static String roomIdOfCreateEvent(JsonObject createEvent, RoomVersion version) {
        if (!version.roomIdFromCreateEvent()) {
            throw new IllegalArgumentException("Room version " + version.id() + " does not derive the room id");
        }
        return "!" + UnpaddedBase64.encodeUrlSafe(referenceHashBytes(createEvent, version));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
