package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.relation.Aggregations;
import io.zhihang.domain.relation.BundledRelations;
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
