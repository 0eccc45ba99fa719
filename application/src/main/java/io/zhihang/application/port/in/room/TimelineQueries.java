package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/** Finding a place in a room's timeline: the context around an event, and the event closest to a time. */
public interface TimelineQueries {
    EventContext context(ContextQuery query);

    /** The first event at or after {@code ts} ({@code forwards}) or the last one at or before it. */
    EventAtTime closestEvent(Requester requester, String roomId, long ts, boolean forwards);

    /**
     * {@code GET /context}: the event, the events before it (newest first) and after it (oldest first), tokens to
     * paginate on from either end, and room state.
     */
    record EventContext(JsonObject event, List<JsonObject> eventsBefore, List<JsonObject> eventsAfter, String start,
                        String end, List<JsonObject> state) {
    }

    record EventAtTime(String eventId, long originServerTs) {
    }
}
