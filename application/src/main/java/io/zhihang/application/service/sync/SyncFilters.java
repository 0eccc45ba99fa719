package io.zhihang.application.service.sync;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The filter a sync applies: none, a stored one by id, or one given inline as JSON. */
@ApplicationScoped
public class SyncFilters {

    public SyncFilter resolve(Requester requester, String param) {
        if (param == null || param.isBlank()) {
            return SyncFilter.DEFAULT;
        }
        if (!param.stripLeading().startsWith("{")) {
            return SyncFilter.DEFAULT;
        }
        try {
            return fromJson(Json.parseObject(param));
        } catch (JsonException e) {
            throw new DomainException(io.zhihang.domain.shared.ErrorKind.NOT_JSON, "filter is not valid JSON: " + e.getMessage());
        }
    }

    static SyncFilter fromJson(JsonObject json) {
        JsonObject room = json.object("room").orElse(JsonObject.EMPTY);
        JsonObject timeline = room.object("timeline").orElse(JsonObject.EMPTY);
        JsonObject state = room.object("state").orElse(JsonObject.EMPTY);
        int limit = timeline.number("limit").map(Long::intValue).orElse(SyncFilter.DEFAULT_TIMELINE_LIMIT);
        RoomEventFilter stateFilter = RoomEventFilter.parse(state);
        return new SyncFilter(strings(room, "rooms"), orEmpty(strings(room, "not_rooms")),
                RoomEventFilter.parse(timeline), Math.clamp(limit, 0, 1000), stateFilter,
                stateFilter.lazyLoadMembers(), state.bool("include_redundant_members").orElse(false),
                room.bool("include_leave").orElse(false), RoomEventFilter.ALL, RoomEventFilter.ALL,
                RoomEventFilter.ALL, RoomEventFilter.ALL, strings(json, "event_fields"),
                "federation".equals(json.string("event_format").orElse("client")));
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.array(key).map(a -> a.items().stream()
                .map(v -> v instanceof io.zhihang.domain.protocol.json.JsonString s ? s.value() : null)
                .filter(java.util.Objects::nonNull).toList()).orElse(null);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
