package io.zhihang.adapter.rest.client.push;

import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/** Typed reads of the push endpoints' bodies and parameters. */
final class PushBodies {
    private PushBodies() {
    }

    /** An optional string member: absent or null gives null, another type {@code M_BAD_JSON}. */
    static String optionalString(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw DomainException.badJson("'" + key + "' must be a string");
    }
}
