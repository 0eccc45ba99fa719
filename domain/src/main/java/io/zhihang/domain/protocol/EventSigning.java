package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Optional;

/**
 * Signing events (matrix-spec, server-server API "Signing events"): the signature covers the event redacted per its
 * room version, so it survives redaction; it is then copied onto the full event. Hash first
 * ({@link EventHashing#withContentHash}), then sign, or use {@link #hashAndSign}.
 */
public final class EventSigning {

    private EventSigning() {
    }

    /**
     * Signs the redacted form of {@code event} as {@code serverName} and returns the full event with the signature
     * added under {@code signatures.<serverName>.<key id>}; other signatures and {@code unsigned} are kept.
     */
    public static JsonObject sign(JsonObject event, RoomVersion version, String serverName, Ed25519SigningKey key) {
        JsonObject signedRedacted = JsonSigning.sign(Redaction.redact(event, version), serverName, key);
        JsonValue signature = JsonSigning.entitySignatures(JsonSigning.signaturesOf(signedRedacted), serverName)
                .get(key.keyId()).orElseThrow();
        JsonObject signatures = JsonSigning.signaturesOf(event);
        JsonObject mine = JsonSigning.entitySignatures(signatures, serverName).with(key.keyId(), signature);
        return event.with("signatures", signatures.with(serverName, mine));
    }

    /**
     * Signs a hashed event and derives its id in one pass. The signing input and the reference hash input are the
     * same bytes (the redacted event without {@code signatures} and {@code unsigned}), so they are encoded once:
     * the same results as {@link #sign} followed by {@link EventHashing#eventId}, for room v3+.
     */
    public static SignedEvent signAndIdentify(JsonObject hashedEvent, RoomVersion version, String serverName,
                                              Ed25519SigningKey key) {
        JsonObject redacted = Redaction.redact(hashedEvent, version).toBuilder()
                .remove("signatures").remove("unsigned").build();
        byte[] canonical = CanonicalJson.encodeUtf8(redacted);
        String signature = UnpaddedBase64.encode(key.sign(canonical));
        JsonObject signatures = JsonSigning.signaturesOf(hashedEvent);
        JsonObject mine = JsonSigning.entitySignatures(signatures, serverName).with(key.keyId(), new JsonString(signature));
        JsonObject signed = hashedEvent.with("signatures", signatures.with(serverName, mine));
        return new SignedEvent(signed, EventHashing.eventIdOf(EventHashing.sha256(canonical), version));
    }

    /** A signed event and the id its reference hash gives it. */
    public record SignedEvent(JsonObject json, String eventId) {
    }

    /** Sets the content hash, then signs: what an origin server does to a new event before sending it. */
    public static JsonObject hashAndSign(JsonObject event, RoomVersion version, String serverName,
                                         Ed25519SigningKey key) {
        return sign(EventHashing.withContentHash(event), version, serverName, key);
    }

    /**
     * Whether {@code signatures.<serverName>.<keyId>} is a valid signature of the event's redacted form by the raw
     * 32-byte Ed25519 public key. It says nothing about the content hash: see {@link EventHashing#hasValidContentHash}.
     */
    public static boolean verify(JsonObject event, RoomVersion version, String serverName, String keyId,
                                 byte[] publicKey32) {
        return JsonSigning.verify(Redaction.redact(event, version), serverName, keyId, publicKey32);
    }

    /** The signature {@code serverName} made with {@code keyId}, if the event carries one. */
    public static Optional<String> signature(JsonObject event, String serverName, String keyId) {
        return event.object("signatures").flatMap(s -> s.object(serverName)).flatMap(s -> s.string(keyId));
    }
}
