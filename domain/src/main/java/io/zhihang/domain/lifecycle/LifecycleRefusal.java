package io.zhihang.domain.lifecycle;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/**
 * A recall or an edit the lifecycle rules refuse. {@link #reason()} names the rule, for callers that answer in their
 * own vocabulary (a product API); the Matrix paths answer with {@link #kind()}: {@code 403 M_FORBIDDEN} for who and
 * when (not yours, too late, too many edits), {@code 400 M_UNKNOWN} for a request at odds with the event itself
 * (already recalled, an edit of an edit), as Synapse answers "Can't send same reaction twice".
 */
public final class LifecycleRefusal extends DomainException {
    private static final long serialVersionUID = 1L;

    /** The rule that refused. */
    public enum Reason {
        /** Someone else's event, without the power to redact others. */
        NOT_ALLOWED(ErrorKind.FORBIDDEN),
        /** Recall after the recall window. */
        RECALL_WINDOW_EXPIRED(ErrorKind.FORBIDDEN),
        /** Recall of a message already redacted. */
        ALREADY_RECALLED(ErrorKind.UNKNOWN),
        /** Recall of a state event (not a message). */
        NOT_A_MESSAGE(ErrorKind.UNKNOWN),
        /** An edit whose target does not exist. */
        UNKNOWN_ORIGINAL(ErrorKind.UNKNOWN),
        /** An edit whose target is in another room. */
        ORIGINAL_IN_OTHER_ROOM(ErrorKind.UNKNOWN),
        /** An edit by someone other than the original's sender. */
        NOT_THE_SENDER(ErrorKind.FORBIDDEN),
        /** An edit of a state event. */
        STATE_NOT_EDITABLE(ErrorKind.UNKNOWN),
        /** An edit of an edit. */
        EDIT_OF_EDIT(ErrorKind.UNKNOWN),
        /** An edit of a redacted (recalled) message. */
        ORIGINAL_RECALLED(ErrorKind.UNKNOWN),
        /** An edit after the edit window. */
        EDIT_WINDOW_EXPIRED(ErrorKind.FORBIDDEN),
        /** An edit beyond the edit limit. */
        EDIT_LIMIT_REACHED(ErrorKind.FORBIDDEN);

        private final ErrorKind kind;

        Reason(ErrorKind kind) {
            this.kind = kind;
        }

        public ErrorKind kind() {
            return kind;
        }
    }

    private final Reason reason;

    public LifecycleRefusal(Reason reason, String message) {
        super(reason.kind(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
