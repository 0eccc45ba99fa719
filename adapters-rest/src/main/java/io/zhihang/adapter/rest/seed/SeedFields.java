package io.zhihang.adapter.rest.seed;

import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

/** The seed API's id fields: a JSON number (the seed's numeric ids) or a string (a number or a Matrix id). */
final class SeedFields {
    private SeedFields() {
    }

    static String id(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        return switch (v) {
            case null -> null;
            case JsonNumber n -> Long.toString(n.value());
            case JsonString s -> s.value();
            default -> throw DomainException.badJson("'" + key + "' must be a number or a string");
        };
    }
}
