package io.zhihang.domain.filter;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's {@code RoomEventFilter} as far as history reads use it: event types (with {@code *} wildcards), senders,
 * {@code contains_url}, and {@code lazy_load_members}. Null lists mean "no restriction".
 */
public record RoomEventFilter(List<String> types, List<String> notTypes, List<String> senders,
                             List<String> notSenders, Boolean containsUrl, boolean lazyLoadMembers) {
    public static final RoomEventFilter ALL = new RoomEventFilter(null, List.of(), null, List.of(), null, false);

    public static RoomEventFilter parse(JsonObject json) {
        return new RoomEventFilter(strings(json, "types"), orEmpty(strings(json, "not_types")),
                strings(json, "senders"), orEmpty(strings(json, "not_senders")),
                bool(json, "contains_url"), Boolean.TRUE.equals(bool(json, "lazy_load_members")));
    }

    public boolean matches(Pdu event) {
        String type = event.type();
        if (notTypes.stream().anyMatch(p -> typeMatches(p, type))) {
            return false;
        }
        if (types != null && types.stream().noneMatch(p -> typeMatches(p, type))) {
            return false;
        }
        if (notSenders.contains(event.sender()) || (senders != null && !senders.contains(event.sender()))) {
            return false;
        }
        return containsUrl == null || containsUrl == event.content().has("url");
    }

    /** Whether events of {@code type} pass {@code types} and {@code not_types}. */
    public boolean allowsType(String type) {
        return notTypes.stream().noneMatch(p -> typeMatches(p, type))
                && (types == null || types.stream().anyMatch(p -> typeMatches(p, type)));
    }

    private static boolean typeMatches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw DomainException.badJson("filter: '" + key + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonString s)) {
                throw DomainException.badJson("filter: '" + key + "' must be an array of strings");
            }
            out.add(s.value());
        }
        return List.copyOf(out);
    }

    private static Boolean bool(JsonObject json, String key) {
        if (!json.has(key)) {
            return null;
        }
        return json.bool(key).orElseThrow(() -> DomainException.badJson("filter: '" + key + "' must be a boolean"));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
