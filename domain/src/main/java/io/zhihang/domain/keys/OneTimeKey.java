package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/**
 * A one-time or fallback key as uploaded: {@code "<algorithm>:<key id>"} → a bare key string (unsigned
 * {@code curve25519}) or a key object ({@code signed_curve25519}: {@code key}, {@code signatures}, and
 * {@code fallback: true} for fallback keys; Synapse also lets it be {@code false} or {@code null}), kept exactly as
 * uploaded; other members are kept too.
 */
public record OneTimeKey(KeyId id, JsonValue value) {
    public OneTimeKey {
        switch (value) {
            case JsonString ignored -> {
            }
            case JsonObject o -> {
                if (o.string("key").isEmpty()) {
                    throw DomainException.badJson("Key " + id + " lacks a string \"key\"");
                }
                if (o.get("signatures").filter(SignedJson::isSignatures).isEmpty()) {
                    throw DomainException.badJson("Key " + id + " lacks well-formed \"signatures\"");
                }
                if (o.get("fallback").filter(f -> !(f instanceof JsonBool || f instanceof JsonNull)).isPresent()) {
                    throw DomainException.badJson("Key " + id + ": \"fallback\" must be a boolean or null");
                }
            }
            case null -> throw DomainException.badJson("Key " + id + " has no value");
            default -> throw DomainException.badJson("Key " + id + " must be a string or an object");
        }
    }

    public static OneTimeKey of(String id, JsonValue value) {
        return new OneTimeKey(KeyId.parse(id), value);
    }

    public String algorithm() {
        return id.algorithm();
    }

    /**
     * Whether {@code other} is the same key uploaded again (Synapse's rule): bare strings must be equal; objects may
     * differ in their signatures only. A different key under a used key id is refused by the caller.
     */
    public boolean sameKeyAs(OneTimeKey other) {
        if (value instanceof JsonObject a && other.value instanceof JsonObject b) {
            return a.without("signatures").equals(b.without("signatures"));
        }
        return value.equals(other.value);
    }
}
