package io.zhihang.application.port.in.room;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * Reading event relationships: the children of one event ({@code GET /relations}) and the threads of a room
 * ({@code GET /threads}). Events come with their bundled aggregations. Only joined members may read.
 */
public interface RelationQueries {
    RelationsPage relations(RelationsQuery query);

    ThreadsPage threads(ThreadsQuery query);

    /**
     * Child events in the requested direction; {@code nextBatch} is null on the last page, {@code prevBatch} is null
     * without {@code from}.
     */
    record RelationsPage(List<JsonObject> chunk, String nextBatch, String prevBatch) {
    }

    /** Thread roots, most recently active first; {@code nextBatch} is null on the last page. */
    record ThreadsPage(List<JsonObject> chunk, String nextBatch) {
    }
}
