package io.zhihang.domain.lifecycle;

import java.time.Duration;

/**
 * How long a message may be recalled (redacted by its sender) and edited after it was sent, and how many times it may
 * be edited. The operator configures these ({@code zhihang.messages.*}); {@link #DEFAULT} holds the product's
 * defaults: recall within 24 hours, edit within 48 hours, at most 5 edits.
 */
public record LifecyclePolicy(Duration recallWindow, Duration editWindow, int maxEdits) {
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(Duration.ofHours(24), Duration.ofHours(48), 5);

    public LifecyclePolicy {
        if (recallWindow == null || recallWindow.isNegative()) {
            throw new IllegalArgumentException("The recall window must not be negative");
        }
        if (editWindow == null || editWindow.isNegative()) {
            throw new IllegalArgumentException("The edit window must not be negative");
        }
        if (maxEdits < 0) {
            throw new IllegalArgumentException("The edit limit must not be negative");
        }
    }

    public RecallRule recall() {
        return new RecallRule(recallWindow);
    }

    public EditRule edit() {
        return new EditRule(editWindow, maxEdits);
    }
}
