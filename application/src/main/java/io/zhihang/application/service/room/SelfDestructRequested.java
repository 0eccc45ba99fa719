package io.zhihang.application.service.room;

import java.time.Instant;

/**
 * A stored message asked to destroy itself at {@code at} (MSC2228's {@code org.matrix.self_destruct_after}); fired
 * in the transaction that stores it, so the timer is as durable as the message.
 */
public record SelfDestructRequested(String eventId, String roomId, Instant at) {
}
