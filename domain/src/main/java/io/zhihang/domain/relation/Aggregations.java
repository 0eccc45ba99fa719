package io.zhihang.domain.relation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side aggregation of child events (spec: "Aggregations of child events", "Server-side aggregation of
 * {@code m.replace} / {@code m.thread} relationships", and {@code m.reference}), computed from the children of a whole
 * page of events at once. Which events get bundles follows Synapse: state events and events that are themselves an edit
 * or an annotation get none; a thread summary only goes on an event that has no relation of its own.
 */
public final class Aggregations {
    /** The most recent edit: latest {@code origin_server_ts}, ties broken by the lexicographically largest event id. */
    private static final Comparator<RelatedEvent> EDIT_RECENCY = Comparator
            .comparingLong(RelatedEvent::originServerTs)
            .thenComparing(RelatedEvent::eventId);

    private Aggregations() {
    }

    /** Whether child events may be bundled onto {@code parent} at all. */
    public static boolean mayHaveBundle(RelationParent parent) {
        return !parent.isState()
                && !RelationTypes.REPLACE.equals(parent.relType())
                && !RelationTypes.ANNOTATION.equals(parent.relType());
    }

    /**
     * The spec's "Validity of replacement events": same sender and type as the original, neither is state, the
     * original is not itself an edit, and the edit carries {@code m.new_content}. An edit whose content was not loaded
     * cannot be judged and does not count.
     */
    public static boolean isValidReplacement(RelationParent original, RelatedEvent edit) {
        return RelationTypes.REPLACE.equals(edit.relType())
                && original.eventId().equals(edit.parentId())
                && original.sender().equals(edit.sender())
                && original.type().equals(edit.type())
                && !original.isState() && !edit.isState()
                && !RelationTypes.REPLACE.equals(original.relType())
                && edit.full() != null
                && edit.full().content().object("m.new_content").isPresent();
    }

    /**
     * The bundles of a page of events.
     *
     * @param parents  the events of the page
     * @param children their (unredacted) child events, in stream order
     * @param reader   the user reading, for {@code current_user_participated}
     * @return event id → bundle, only for events that have a non-empty one
     */
    public static Map<String, BundledRelations> bundle(Collection<RelationParent> parents,
                                                       Collection<RelatedEvent> children, String reader) {
        Map<String, List<RelatedEvent>> byParent = new HashMap<>();
        for (RelatedEvent child : children) {
            byParent.computeIfAbsent(child.parentId(), k -> new ArrayList<>()).add(child);
        }
        Map<String, BundledRelations> bundles = new LinkedHashMap<>();
        for (RelationParent parent : parents) {
            if (!mayHaveBundle(parent) || bundles.containsKey(parent.eventId())) {
                continue;
            }
            List<RelatedEvent> own = byParent.getOrDefault(parent.eventId(), List.of());
            BundledRelations bundle = new BundledRelations(replacement(parent, own), thread(parent, own, reader),
                    references(own));
            if (!bundle.isEmpty()) {
                bundles.put(parent.eventId(), bundle);
            }
        }
        return bundles;
    }

    /** Edits of a redacted event are not bundled, whatever became of the edits. */
    private static RelatedEvent replacement(RelationParent parent, List<RelatedEvent> children) {
        if (parent.redacted()) {
            return null;
        }
        return children.stream()
                .filter(child -> isValidReplacement(parent, child))
                .max(EDIT_RECENCY)
                .orElse(null);
    }

    private static ThreadSummary thread(RelationParent parent, List<RelatedEvent> children, String reader) {
        if (parent.relType() != null) {
            return null;
        }
        List<RelatedEvent> replies = children.stream()
                .filter(child -> RelationTypes.THREAD.equals(child.relType()))
                .toList();
        if (replies.isEmpty()) {
            return null;
        }
        RelatedEvent latest = replies.stream()
                .max(Comparator.comparingLong(RelatedEvent::streamOrdering)).orElseThrow();
        boolean participated = parent.sender().equals(reader)
                || replies.stream().anyMatch(reply -> reply.sender().equals(reader));
        return new ThreadSummary(latest.eventId(), replies.size(), participated);
    }

    private static List<String> references(List<RelatedEvent> children) {
        return children.stream()
                .filter(child -> RelationTypes.REFERENCE.equals(child.relType()))
                .sorted(Comparator.comparingLong(RelatedEvent::streamOrdering))
                .map(RelatedEvent::eventId)
                .toList();
    }
}
