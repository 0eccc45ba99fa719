package io.zhihang.domain.lifecycle;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where a sent message is in its life, in the seed's words. Scheduled and cancelled messages are not messages yet
 * (they are delayed events), so they have their own status there.
 */
public enum MessageStatus {
    SENT, DELIVERED, READ, EDITED, RECALLED, DESTROYED;

    /**
     * The status that wins: destroyed (it destroyed itself) before recalled (any other redaction), then edited, read,
     * delivered, sent. The facts that cost a lookup are asked for only when they can still decide.
     */
    public static MessageStatus of(boolean redacted, BooleanSupplier destroyed, boolean edited, BooleanSupplier read,
                                   BooleanSupplier delivered) {
        if (redacted) {
            return destroyed.getAsBoolean() ? DESTROYED : RECALLED;
        }
        if (edited) {
            return EDITED;
        }
        if (read.getAsBoolean()) {
            return READ;
        }
        return delivered.getAsBoolean() ? DELIVERED : SENT;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
