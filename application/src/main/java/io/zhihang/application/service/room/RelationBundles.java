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

    /**
     * {@link #of} for a page that is a suffix of its room's stream (a sync timeline: the latest events up to a
     * position): every child of its events up to that position is in the page too (a relation names an event that
     * already exists, so it comes after it), so the bundles come from the page itself, without a query.
     */
    public Map<String, BundledRelations> ofSuffix(List<StoredEvent> page, String reader) {
        List<RelationParent> parents = page.stream()
                .map(e -> RelationParent.of(e.pdu(), e.isRedacted()))
                .filter(Aggregations::mayHaveBundle)
                .toList();
        if (parents.isEmpty()) {
            return Map.of();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        parents.forEach(p -> ids.add(p.eventId()));
        List<RelatedEvent> children = new java.util.ArrayList<>();
        for (StoredEvent e : page) {
            if (e.isRedacted()) {
                continue;
            }
            var relation = e.pdu().content().object("m.relates_to");
            String parent = relation.flatMap(r -> r.string("event_id")).orElse(null);
            String relType = relation.flatMap(r -> r.string("rel_type")).orElse(null);
            if (parent != null && relType != null && ids.contains(parent) && RelationTypes.BUNDLED.contains(relType)) {
                children.add(new RelatedEvent(e.pdu().eventId(), parent, relType, e.pdu().type(), e.pdu().sender(),
                        e.pdu().isState(), e.pdu().originServerTs(), e.streamOrdering(),
                        RelationTypes.REPLACE.equals(relType) ? e.pdu() : null));
            }
        }
        children.sort(java.util.Comparator.comparingLong(RelatedEvent::streamOrdering));
        return Aggregations.bundle(parents, children, reader);
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
