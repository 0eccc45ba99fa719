package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/**
 * The backed-up key of one megolm session ({@code KeyBackupData}): the metadata the server compares
 * ({@code first_message_index}, {@code forwarded_count}, {@code is_verified}) and the object exactly as the client
 * uploaded it ({@code session_data} is encrypted and opaque; unknown members are kept).
 */
public record BackedUpKey(long firstMessageIndex, long forwardedCount, boolean verified, JsonObject json) {
    public BackedUpKey {
        if (firstMessageIndex < 0 || forwardedCount < 0) {
            throw DomainException.invalidParam("first_message_index and forwarded_count must not be negative");
        }
        if (json == null) {
            throw new IllegalArgumentException("json");
        }
    }

    /**
     * A {@code KeyBackupData} object as uploaded: {@code first_message_index} and {@code forwarded_count}
     * (non-negative integers), {@code is_verified} (a boolean) and {@code session_data} (an object) are required.
     * Missing or of the wrong type: {@code 400 M_BAD_JSON}, naming {@code where} the object was.
     */
    public static BackedUpKey parse(JsonObject json, String where) {
        long firstMessageIndex = integer(json, "first_message_index", where);
        long forwardedCount = integer(json, "forwarded_count", where);
        if (!(json.members().get("is_verified") instanceof JsonBool verified)) {
            throw DomainException.badJson(where + ".is_verified must be a boolean");
        }
        if (!(json.members().get("session_data") instanceof JsonObject)) {
            throw DomainException.badJson(where + ".session_data must be an object");
        }
        if (firstMessageIndex < 0 || forwardedCount < 0) {
            throw DomainException.invalidParam(where + ": first_message_index and forwarded_count must not be negative");
        }
        return new BackedUpKey(firstMessageIndex, forwardedCount, verified.value(), json);
    }

    /**
     * Whether the server keeps this key instead of {@code stored}, the key it already has for the session. The
     * spec's rule ("Server-side key backups"): if the two differ in {@code is_verified}, the verified one is kept;
     * else the one with the lower {@code first_message_index}; if that is equal too, the one with the lower
     * {@code forwarded_count}. When all three are equal the stored key stays (nothing changes).
     */
    public boolean replaces(BackedUpKey stored) {
        if (verified != stored.verified) {
            return verified;
        }
        if (firstMessageIndex != stored.firstMessageIndex) {
            return firstMessageIndex < stored.firstMessageIndex;
        }
        return forwardedCount < stored.forwardedCount;
    }

    private static long integer(JsonObject json, String member, String where) {
        JsonValue value = json.members().get(member);
        if (!(value instanceof JsonNumber number)) {
            throw DomainException.badJson(where + "." + member + " must be an integer");
        }
        return number.value();
    }
}
