package io.zhihang.domain.search;

import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code filter} of a room-events search: a {@code RoomEventFilter} with its {@code rooms}, {@code not_rooms} and
 * {@code limit} (the page size: 10 by default, at most {@link #MAX_LIMIT}). Null room lists mean "no restriction".
 */
public record SearchFilter(RoomEventFilter events, List<String> rooms, List<String> notRooms, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final SearchFilter NONE = new SearchFilter(RoomEventFilter.ALL, null, List.of(), DEFAULT_LIMIT);

    public SearchFilter {
        if (limit < 0) {
            throw DomainException.invalidParam("filter: 'limit' must not be negative");
        }
        limit = Math.min(limit, MAX_LIMIT);
        rooms = rooms == null ? null : List.copyOf(rooms);
        notRooms = notRooms == null ? List.of() : List.copyOf(notRooms);
    }

    public static SearchFilter parse(JsonObject json) {
        return new SearchFilter(RoomEventFilter.parse(json), strings(json, "rooms"), strings(json, "not_rooms"),
                limit(json));
    }

    /** The rooms of {@code candidates} the filter lets through, in their order. */
    public List<String> rooms(Collection<String> candidates) {
        return candidates.stream().filter(r -> rooms == null || rooms.contains(r)).filter(r -> !notRooms.contains(r))
                .toList();
    }

    /** The fields of {@code keys} whose event type the filter lets through. */
    public Set<SearchField> fields(Set<SearchField> keys) {
        Set<SearchField> fields = EnumSet.noneOf(SearchField.class);
        keys.stream().filter(f -> events.allowsType(f.eventType())).forEach(fields::add);
        return fields;
    }

    private static int limit(JsonObject json) {
        JsonValue value = json.members().get("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value instanceof JsonNumber n && n.value() <= Integer.MAX_VALUE) {
            return (int) Math.max(n.value(), Integer.MIN_VALUE);
        }
        throw DomainException.badJson("filter: 'limit' must be an integer");
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonValue value = json.members().get(key);
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array.items()) {
                if (!(item instanceof JsonString s)) {
                    throw DomainException.badJson("filter: '" + key + "' must be an array of strings");
                }
                out.add(s.value());
            }
            return out;
        }
        throw DomainException.badJson("filter: '" + key + "' must be an array of strings");
    }
}
