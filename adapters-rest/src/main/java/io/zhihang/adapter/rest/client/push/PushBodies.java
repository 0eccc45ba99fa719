package io.zhihang.adapter.rest.client.push;

import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.push.RuleKind;
import io.zhihang.domain.shared.DomainException;

/** Typed reads of the push endpoints' bodies and parameters. */
final class PushBodies {
    private PushBodies() {
    }

    /** A rule kind of the path; anything else is {@code M_INVALID_PARAM}. */
    static RuleKind kind(String kind) {
        return RuleKind.parse(kind).orElseThrow(() -> DomainException.invalidParam("Unknown rule kind '" + kind
                + "'; expected override, content, room, sender or underride"));
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
