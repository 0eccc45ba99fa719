package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RoomId;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed reads of a filter's members, each named by its dotted path in the error: a member of the wrong JSON type is
 * {@code M_BAD_JSON}, a value of the right type that the spec does not allow is {@code M_INVALID_PARAM}. Members the
 * spec does not define are ignored (forward compatibility, as Synapse's schema allows).
 */
final class FilterJson {
    private FilterJson() {
    }

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The member as an object; {@link JsonObject#EMPTY} when absent. */
    static JsonObject object(JsonObject json, String key, String parent) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return JsonObject.EMPTY;
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        throw wrongType(path(parent, key), "an object");
    }

    /** The member as a list of strings; null when absent (no restriction). */
    static List<String> strings(JsonObject json, String key, String parent) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(path(parent, key), "an array of strings");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonString s)) {
                throw wrongType(path(parent, key), "an array of strings");
            }
            out.add(s.value());
        }
        return List.copyOf(out);
    }

    /** A list of user ids ({@code senders}, {@code not_senders}); null when absent. */
    static List<String> userIds(JsonObject json, String key, String parent) {
        return checked(strings(json, key, parent), UserId::parse, path(parent, key), "user ids");
    }

    /** A list of room ids ({@code rooms}, {@code not_rooms}); null when absent. */
    static List<String> roomIds(JsonObject json, String key, String parent) {
        return checked(strings(json, key, parent), RoomId::parse, path(parent, key), "room ids");
    }

    static Boolean bool(JsonObject json, String key, String parent) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonBool b) {
            return b.value();
        }
        throw wrongType(path(parent, key), "a boolean");
    }

    /** {@code limit}: a non-negative integer; null when absent. */
    static Integer limit(JsonObject json, String parent) {
        JsonValue value = json.members().get("limit");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            throw wrongType(path(parent, "limit"), "an integer");
        }
        if (n.value() < 0) {
            throw DomainException.invalidParam("filter: '" + path(parent, "limit") + "' must not be negative");
        }
        return (int) Math.min(n.value(), Integer.MAX_VALUE);
    }

    static String string(JsonObject json, String key, String parent) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw wrongType(path(parent, key), "a string");
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> checked(List<String> ids, Consumer<String> parse, String path, String what) {
        if (ids != null) {
            for (String id : ids) {
                try {
                    parse.accept(id);
                } catch (DomainException e) {
                    throw DomainException.invalidParam("filter: '" + path + "' must hold " + what + "; '" + id
                            + "' is not one");
                }
            }
        }
        return ids;
    }

    private static DomainException wrongType(String path, String what) {
        return DomainException.badJson("filter: '" + path + "' must be " + what);
    }
}
