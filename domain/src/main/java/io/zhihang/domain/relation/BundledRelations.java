package io.zhihang.domain.relation;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.List;

/**
 * The bundled aggregations of one event: the edit that applies ({@code m.replace}, or null), its thread summary
 * ({@code m.thread}, or null) and the events referencing it ({@code m.reference}, possibly empty).
 */
public record BundledRelations(RelatedEvent replacement, ThreadSummary thread, List<String> references) {
    public BundledRelations {
        references = List.copyOf(references);
    }

    public boolean isEmpty() {
        return replacement == null && thread == null && references.isEmpty();
    }

    /**
     * The value of {@code unsigned."m.relations"}. Events are served as clients see them, so the caller formats the
     * edit and the thread's latest event; a summary whose latest event it could not format is left out.
     *
     * @param replacement       the formatted edit (null if none)
     * @param latestThreadEvent the formatted latest event of the thread (null if none)
     */
    public JsonObject toJson(JsonObject replacement, JsonObject latestThreadEvent) {
        JsonObject.Builder out = JsonObject.builder();
        if (this.replacement != null && replacement != null) {
            out.put(RelationTypes.REPLACE, replacement);
        }
        if (thread != null && latestThreadEvent != null) {
            out.put(RelationTypes.THREAD, JsonObject.builder()
                    .put("latest_event", latestThreadEvent)
                    .put("count", thread.count())
                    .put("current_user_participated", thread.currentUserParticipated())
                    .build());
        }
        if (!references.isEmpty()) {
            List<JsonValue> chunk = references.stream()
                    .<JsonValue>map(id -> JsonObject.builder().put("event_id", id).build())
                    .toList();
            out.put(RelationTypes.REFERENCE, JsonObject.builder().put("chunk", new JsonArray(chunk)).build());
        }
        return out.build();
    }
}
