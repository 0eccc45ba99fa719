package io.zhihang.adapter.rest.client.search;

import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.search.SearchField;
import io.zhihang.domain.search.SearchFilter;
import io.zhihang.domain.shared.DomainException;

import java.util.EnumSet;
import java.util.Set;

import static io.zhihang.adapter.rest.json.Fields.bool;
import static io.zhihang.adapter.rest.json.Fields.integer;
import static io.zhihang.adapter.rest.json.Fields.object;
import static io.zhihang.adapter.rest.json.Fields.objects;
import static io.zhihang.adapter.rest.json.Fields.string;
import static io.zhihang.adapter.rest.json.Fields.strings;

/**
 * Reads the body of {@code POST /search}: a field of the wrong type or a missing required one is {@code M_BAD_JSON},
 * a value outside the spec's choices {@code M_INVALID_PARAM}.
 */
final class SearchRequests {
    private SearchRequests() {
    }

    static RoomEventSearch roomEvents(Requester requester, JsonObject body, String nextBatch) {
        JsonObject categories = object(body, "search_categories");
        if (categories == null) {
            throw DomainException.badJson("Missing search_categories");
        }
        JsonObject criteria = object(categories, "room_events");
        if (criteria == null) {
            throw DomainException.invalidParam("No supported search category: only room_events is");
        }
        String term = string(criteria, "search_term");
        if (term == null) {
            throw DomainException.badJson("Missing search_term");
        }
        JsonObject filter = object(criteria, "filter");
        return new RoomEventSearch(requester, term, keys(criteria), filter == null ? null : SearchFilter.parse(filter),
                order(string(criteria, "order_by")), eventContext(object(criteria, "event_context")),
                bool(criteria, "include_state"), groupBy(object(criteria, "groupings")), nextBatch);
    }

    private static Set<SearchField> keys(JsonObject criteria) {
        Set<SearchField> keys = EnumSet.noneOf(SearchField.class);
        for (String key : strings(criteria, "keys")) {
            keys.add(SearchField.ofKey(key).orElseThrow(() -> DomainException.invalidParam("Unknown key " + key)));
        }
        return keys;
    }

    private static RoomEventSearch.Order order(String orderBy) {
        if (orderBy == null) {
            return RoomEventSearch.Order.RANK;
        }
        return switch (orderBy) {
            case "rank" -> RoomEventSearch.Order.RANK;
            case "recent" -> RoomEventSearch.Order.RECENT;
            default -> throw DomainException.invalidParam("order_by must be 'rank' or 'recent'");
        };
    }

    private static RoomEventSearch.EventContext eventContext(JsonObject context) {
        if (context == null) {
            return null;
        }
        Integer before = integer(context, "before_limit");
        Integer after = integer(context, "after_limit");
        int fallback = RoomEventSearch.EventContext.DEFAULT_LIMIT;
        return new RoomEventSearch.EventContext(before == null ? fallback : before, after == null ? fallback : after,
                bool(context, "include_profile"));
    }

    private static Set<RoomEventSearch.Grouping> groupBy(JsonObject groupings) {
        Set<RoomEventSearch.Grouping> groups = EnumSet.noneOf(RoomEventSearch.Grouping.class);
        if (groupings == null) {
            return groups;
        }
        for (JsonObject group : objects(groupings, "group_by")) {
            String key = string(group, "key");
            groups.add(switch (key == null ? "" : key) {
                case "room_id" -> RoomEventSearch.Grouping.ROOM_ID;
                case "sender" -> RoomEventSearch.Grouping.SENDER;
                default -> throw DomainException.invalidParam("Groups are by 'room_id' or 'sender'");
            });
        }
        return groups;
    }
}
