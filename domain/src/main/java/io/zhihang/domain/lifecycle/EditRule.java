package io.zhihang.domain.lifecycle;

import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;
import io.zhihang.domain.relation.RelationTypes;

import java.time.Duration;
import java.time.Instant;

/**
 * Edit: an event with {@code m.relates_to: {rel_type: m.replace, event_id: X}}. Only X's sender may edit X, in X's
 * room, within {@link #window()} of X's {@code origin_server_ts} (the edge itself still counts as within), at most
 * {@link #maxEdits()} times; not a state event, not an edit, not a recalled (redacted) message.
 */
public record EditRule(Duration window, int maxEdits) {

    public EditRule {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("The edit window must not be negative");
        }
        if (maxEdits < 0) {
            throw new IllegalArgumentException("The edit limit must not be negative");
        }
    }

    /**
     * Checks one edit.
     *
     * @param editor       who sends the edit
     * @param roomId       the room the edit is sent to
     * @param original     the event it replaces, or null if there is no such event
     * @param earlierEdits how many edits of {@code original} its sender sent before (redacted ones too)
     * @param now          the time of the request
     * @throws LifecycleRefusal if the rules refuse it
     */
    public void check(String editor, String roomId, MessageFacts original, int earlierEdits, Instant now) {
        if (original == null) {
            throw new LifecycleRefusal(Reason.UNKNOWN_ORIGINAL, "Can't send relation to unknown event");
        }
        if (!original.roomId().equals(roomId)) {
            throw new LifecycleRefusal(Reason.ORIGINAL_IN_OTHER_ROOM, "Relations must be in the same room");
        }
        if (!original.sender().equals(editor)) {
            throw new LifecycleRefusal(Reason.NOT_THE_SENDER, "Only the sender of a message may edit it");
        }
        if (original.isState()) {
            throw new LifecycleRefusal(Reason.STATE_NOT_EDITABLE, "State events cannot be edited");
        }
        if (original.redacted()) {
            throw new LifecycleRefusal(Reason.ORIGINAL_RECALLED, "A recalled message cannot be edited");
        }
        if (RelationTypes.REPLACE.equals(original.relType())) {
            throw new LifecycleRefusal(Reason.EDIT_OF_EDIT, "An edit cannot be edited; edit the original message");
        }
        if (!original.sentWithin(window, now)) {
            throw new LifecycleRefusal(Reason.EDIT_WINDOW_EXPIRED,
                    "A message can only be edited within " + Windows.describe(window) + " of sending it");
        }
        if (earlierEdits >= maxEdits) {
            throw new LifecycleRefusal(Reason.EDIT_LIMIT_REACHED,
                    "A message can be edited at most " + Windows.plural(maxEdits, "time"));
        }
    }
}
