package io.zhihang.domain.lifecycle;

import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;

import java.time.Duration;
import java.time.Instant;

/**
 * Recall: a message taken back by redaction, within {@link #window()} of its {@code origin_server_ts} (the edge itself
 * still counts as within), once. Two entry points:
 * <ul>
 *   <li>{@link #judgeRedaction}, for the Matrix redact endpoint: a sender redacting their own message is recalling it
 *   (window and once apply); a member with the power to redact others redacting someone else's event is moderating
 *   (any age, Matrix rules); a sender redacting their own state event follows the Matrix rules.</li>
 *   <li>{@link #checkRecall}, for a product "recall" action: the sender or a room moderator, a message only, within
 *   the window, once.</li>
 * </ul>
 */
public record RecallRule(Duration window) {

    /** What a redaction that the rules allow amounts to. */
    public enum RedactionKind {
        /** The sender takes back their own message. */
        RECALL,
        /** Somebody else's event, removed by a member with the power to redact others. */
        MODERATION,
        /** The sender's own state event: no lifecycle rule applies. */
        OWN_STATE
    }

    public RecallRule {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("The recall window must not be negative");
        }
    }

    /**
     * Judges a redaction through the Matrix redact endpoint.
     *
     * @param requester       who redacts
     * @param canRedactOthers whether their power level reaches the room's {@code redact} level
     * @param target          the event to redact
     * @param now             the time of the request
     * @return what the redaction is, if allowed
     * @throws LifecycleRefusal if the rules refuse it
     */
    public RedactionKind judgeRedaction(String requester, boolean canRedactOthers, MessageFacts target, Instant now) {
        if (!target.sender().equals(requester)) {
            if (!canRedactOthers) {
                throw new LifecycleRefusal(Reason.NOT_ALLOWED, "You may only redact your own events");
            }
            return RedactionKind.MODERATION;
        }
        if (target.isState()) {
            return RedactionKind.OWN_STATE;
        }
        checkTimely(target, now);
        return RedactionKind.RECALL;
    }

    /**
     * Checks a recall by its sender or by a room moderator: a message (not state), not recalled yet, within the window.
     *
     * @throws LifecycleRefusal if the rules refuse it
     */
    public void checkRecall(String requester, boolean canRedactOthers, MessageFacts target, Instant now) {
        if (!target.sender().equals(requester) && !canRedactOthers) {
            throw new LifecycleRefusal(Reason.NOT_ALLOWED,
                    "Only the sender or a room moderator may recall a message");
        }
        if (target.isState()) {
            throw new LifecycleRefusal(Reason.NOT_A_MESSAGE, "Only messages can be recalled, not state events");
        }
        checkTimely(target, now);
    }

    private void checkTimely(MessageFacts target, Instant now) {
        if (target.redacted()) {
            throw new LifecycleRefusal(Reason.ALREADY_RECALLED, "This message has already been recalled");
        }
        if (!target.sentWithin(window, now)) {
            throw new LifecycleRefusal(Reason.RECALL_WINDOW_EXPIRED,
                    "A message can only be recalled within " + Windows.describe(window) + " of sending it");
        }
    }
}
