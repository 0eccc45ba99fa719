package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * The spec's filter object, as {@code /sync} takes it (stored with {@code POST /user/{userId}/filter} or given inline):
 * which members of each event to keep ({@code event_fields}), the event format, and the filters of presence, global
 * account data and rooms. Members of the wrong JSON type are {@code M_BAD_JSON}; values the spec does not allow
 * ({@code event_format} other than client/federation, a negative {@code limit}, malformed user or room ids) are
 * {@code M_INVALID_PARAM}. Unknown members are ignored.
 *
 * @param eventFields the paths to keep in each event; null keeps everything (see {@link #applyEventFields})
 */
public record Filter(List<String> eventFields, EventFormat eventFormat, EventFilter presence, EventFilter accountData,
                     RoomFilter room) {
    /** What sync uses when the client names no filter: everything, in client format. */
    public static final Filter DEFAULT = new Filter(null, EventFormat.CLIENT, EventFilter.ALL, EventFilter.ALL,
            RoomFilter.ALL);

    public Filter {
        eventFields = eventFields == null ? null : List.copyOf(eventFields);
    }

    public static Filter parse(JsonObject json) {
        String format = FilterJson.string(json, "event_format", "");
        return new Filter(FilterJson.strings(json, "event_fields", ""),
                format == null ? EventFormat.CLIENT : EventFormat.parse(format),
                EventFilter.parse(FilterJson.object(json, "presence", ""), "presence"),
                EventFilter.parse(FilterJson.object(json, "account_data", ""), "account_data"),
                RoomFilter.parse(FilterJson.object(json, "room", ""), "room"));
    }

    /** {@link #applyEventFields(JsonObject, List)} with this filter's {@code event_fields}. */
    public JsonObject applyEventFields(JsonObject event) {
        return applyEventFields(event, eventFields);
    }

    /**
     * The event cut down to the members named by {@code fields} (dot-separated paths; {@code \} escapes a literal
     * {@code .} or {@code \}), nested objects kept as far as needed. Null or empty {@code fields} keep the whole event.
     */
    public static JsonObject applyEventFields(JsonObject event, List<String> fields) {
        return EventFields.apply(event, fields);
    }
}
