package io.zhihang.adapter.rest.client.keys;

import io.zhihang.domain.keys.KeyFailure;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the parts of key request bodies; a part of the wrong type is {@code M_BAD_JSON}. */
final class KeyBodies {
    private KeyBodies() {
    }

    /** An optional object member: absent or null is empty. */
    static Optional<JsonObject> optionalObject(JsonObject body, String field) {
        Optional<JsonValue> value = body.get(field).filter(v -> !(v instanceof JsonNull));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonObject o) {
            return Optional.of(o);
        }
        throw DomainException.badJson(field + " must be an object");
    }

    /** {@code device_keys} of an upload: may be absent (null), but not null (Synapse). */
    static JsonObject deviceKeys(JsonObject body) {
        if (!body.has("device_keys")) {
            return null;
        }
        if (body.get("device_keys").get() instanceof JsonObject keys) {
            return keys;
        }
        throw DomainException.badJson("device_keys must be an object");
    }

    /** {@code "<algorithm>:<key id>"} → key, as one-time and fallback keys are uploaded. */
    static List<OneTimeKey> keys(JsonObject body, String field) {
        List<OneTimeKey> keys = new ArrayList<>();
        optionalObject(body, field).ifPresent(o -> o.members().forEach((id, key) -> keys.add(OneTimeKey.of(id, key))));
        return keys;
    }

    /** {@code device_keys} of {@code /keys/query}: user id → list of device ids (empty for all). */
    static Map<String, List<String>> queriedDevices(JsonObject body) {
        if (!(body.get("device_keys").orElse(null) instanceof JsonObject users)) {
            throw DomainException.badJson("'device_keys' must be a JSON object");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        users.members().forEach((user, devices) -> {
            if (!(devices instanceof JsonArray list) || !list.items().stream().allMatch(JsonString.class::isInstance)) {
                throw DomainException.badJson("'device_keys' values must be a list of strings");
            }
            out.put(user, list.items().stream().map(d -> ((JsonString) d).value()).toList());
        });
        return out;
    }

    /** Failures by user id and key name, each as {@code {errcode, error}} (the spec's example). */
    static Map<String, Object> failures(Map<String, Map<String, KeyFailure>> failures) {
        Map<String, Object> out = new LinkedHashMap<>();
        failures.forEach((user, byKey) -> {
            Map<String, Object> keys = new LinkedHashMap<>();
            byKey.forEach((key, f) -> keys.put(key, Map.of("errcode", f.kind().errcode(), "error", f.message())));
            out.put(user, keys);
        });
        return out;
    }
}
