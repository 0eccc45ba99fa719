package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.lifecycle.EditRule;
import io.zhihang.domain.lifecycle.LifecyclePolicy;
import io.zhihang.domain.lifecycle.MessageFacts;
import io.zhihang.domain.relation.RelationTypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds the message send path to the {@link EditRule}: a message whose {@code m.relates_to} is an {@code m.replace}
 * is checked against its original (two reads), any other message passes without a look. Callers hold the room lock,
 * so the count of earlier edits cannot change under them; a batch of messages written in one transaction (group
 * commit) counts the edits it admitted itself on top of the stored ones, through one {@link Batch}.
 */
@ApplicationScoped
public class EditGuard {
    private final EventStore events;
    private final EditRule rule;

    public EditGuard(EventStore events, LifecyclePolicy policy) {
        this.events = events;
        this.rule = policy.edit();
    }

    /** A fresh count, for one transaction's messages. */
    public Batch batch() {
        return new Batch();
    }

    /** The event an edit replaces, or null if the draft is no edit. */
    static String editedEventId(EventDraft draft) {
        var relation = draft.content().object("m.relates_to").orElse(null);
        if (relation == null || !relation.string("rel_type").filter(RelationTypes.REPLACE::equals).isPresent()) {
            return null;
        }
        return relation.string("event_id").orElse("");
    }

    /** The edits admitted so far in one transaction, by original. */
    public final class Batch {
        private final Map<String, Integer> admitted = new HashMap<>();

        private Batch() {
        }

        /**
         * Checks a message about to be written to {@code roomId} and, if it is an edit the rules allow, counts it.
         *
         * @throws io.zhihang.domain.lifecycle.LifecycleRefusal if the rules refuse the edit
         */
        public void admit(String roomId, EventDraft draft, Instant now) {
            String originalId = editedEventId(draft);
            if (originalId == null) {
                return;
            }
            MessageFacts original = events.find(originalId)
                    .map(e -> MessageFacts.of(e.pdu(), e.isRedacted())).orElse(null);
            int earlier = original == null || !original.sender().equals(draft.sender()) ? 0
                    : events.countReplacements(roomId, originalId, draft.sender());
            rule.check(draft.sender(), roomId, original, earlier + admitted.getOrDefault(originalId, 0), now);
            admitted.merge(originalId, 1, Integer::sum);
        }
    }
}
