package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.relation.Aggregations;
import io.zhihang.domain.relation.BundledRelations;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.relation.RelationParent;
import io.zhihang.domain.relation.RelationTypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** The bundled aggregations of a page of events, for one reader: one relations query for the whole page. */
@ApplicationScoped
public class RelationBundles {
    private final EventStore events;

    public RelationBundles(EventStore events) {
        this.events = events;
    }

    /** {@link #of} for the pages of several rooms, with one relations query for them all. */
    public Map<String, Map<String, BundledRelations>> ofRooms(Map<String, List<StoredEvent>> pages, String reader) {
        Map<String, List<RelationParent>> parents = new java.util.LinkedHashMap<>();
        Map<String, List<String>> ids = new java.util.LinkedHashMap<>();
        pages.forEach((roomId, page) -> {
            List<RelationParent> roomParents = page.stream()
                    .map(e -> RelationParent.of(e.pdu(), e.isRedacted()))
                    .filter(Aggregations::mayHaveBundle)
                    .toList();
            if (!roomParents.isEmpty()) {
                parents.put(roomId, roomParents);
                ids.put(roomId, roomParents.stream().map(RelationParent::eventId).distinct().toList());
            }
        });
        Map<String, Map<String, BundledRelations>> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<String, List<RelatedEvent>> children = events.relationsOfRooms(ids, RelationTypes.BUNDLED);
        parents.forEach((roomId, roomParents) -> out.put(roomId,
                Aggregations.bundle(roomParents, children.getOrDefault(roomId, List.of()), reader)));
        return out;
    }

    /** Event id → bundle, for the events of {@code page} (all in {@code roomId}) that have one. */
    public Map<String, BundledRelations> of(String roomId, List<StoredEvent> page, String reader) {
        List<RelationParent> parents = page.stream()
                .map(e -> RelationParent.of(e.pdu(), e.isRedacted()))
                .filter(Aggregations::mayHaveBundle)
                .toList();
        if (parents.isEmpty()) {
            return Map.of();
        }
        List<String> ids = parents.stream().map(RelationParent::eventId).distinct().toList();
        return Aggregations.bundle(parents, events.relationsOf(roomId, ids, RelationTypes.BUNDLED), reader);
    }
}
