package io.zhihang.adapter.rest.json;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/** Typed reads of request fields: absent gives null, a wrong type is {@code M_BAD_JSON}. */
public final class Fields {
    private Fields() {
    }

    public static String string(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw DomainException.badJson("'" + key + "' must be a string");
    }

    public static boolean bool(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null) {
            return false;
        }
        return body.bool(key).orElseThrow(() -> DomainException.badJson("'" + key + "' must be a boolean"));
    }

    public static Integer integer(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n && n.value() >= Integer.MIN_VALUE && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        throw DomainException.badJson("'" + key + "' must be an integer");
    }

    /** An array of strings where {@code null} entries are allowed (kept as null); null if the key is absent. */
    public static List<String> stringsOrNulls(JsonObject body, String key) {
        if (!body.has(key)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : body.array(key).orElseThrow(() -> DomainException.badJson("'" + key + "' must be an array"))
                .items()) {
            switch (item) {
                case JsonString s -> out.add(s.value());
                case JsonNull n -> out.add(null);
                default -> throw DomainException.badJson("'" + key + "' must be an array of strings or nulls");
            }
        }
        return out;
    }

    public static JsonObject object(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        if (v == null) {
            return null;
        }
        return body.object(key).orElseThrow(() -> DomainException.badJson("'" + key + "' must be an object"));
    }

    public static List<JsonObject> objects(JsonObject body, String key) {
        return list(body, key, JsonObject.class, "objects");
    }

    public static List<String> strings(JsonObject body, String key) {
        List<String> out = new ArrayList<>();
        for (JsonString s : list(body, key, JsonString.class, "strings")) {
            out.add(s.value());
        }
        return out;
    }

    private static <T extends JsonValue> List<T> list(JsonObject body, String key, Class<T> type, String what) {
        JsonValue v = body.members().get(key);
        if (v == null) {
            return List.of();
        }
        JsonArray array = body.array(key).orElseThrow(() -> DomainException.badJson("'" + key + "' must be an array"));
        List<T> out = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!type.isInstance(item)) {
                throw DomainException.badJson("'" + key + "' must be an array of " + what);
            }
            out.add(type.cast(item));
        }
        return out;
    }
}
