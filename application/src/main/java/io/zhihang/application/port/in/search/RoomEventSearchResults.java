package io.zhihang.application.port.in.search;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The {@code room_events} results of a search.
 *
 * @param count      how many events match in all (before history visibility is applied: an estimate, as the spec
 *                   allows)
 * @param highlights words for clients to highlight
 * @param nextBatch  the token of the next page; null when there is none
 * @param state      room id → current state, for the rooms of the results (if asked for); null otherwise
 * @param groups     grouping key ({@code room_id}, {@code sender}) → group value → group, for the groupings asked
 */
public record RoomEventSearchResults(long count, List<String> highlights, List<Result> results, String nextBatch,
                                     Map<String, List<JsonObject>> state, Map<String, Map<String, Group>> groups) {
    public static final RoomEventSearchResults NONE = new RoomEventSearchResults(0, List.of(), List.of(), null, null,
            Map.of());

    /** A matching event as the searcher sees it, with its context if asked for (else null). */
    public record Result(double rank, JsonObject event, Context context) {
    }

    /**
     * @param profileInfo user id → {@code displayname}/{@code avatar_url} at the time of the context's last event, for
     *                    the senders of the context (if asked for); null otherwise
     */
    public record Context(List<JsonObject> eventsBefore, List<JsonObject> eventsAfter, String start, String end,
                          Map<String, JsonObject> profileInfo) {
    }

    /**
     * @param order     the group's place in the results (1 for the group of the first result, and so on)
     * @param nextBatch the token of the group's next page (room groups only); null when there is none
     */
    public record Group(List<String> results, int order, String nextBatch) {
    }
}
