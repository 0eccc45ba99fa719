package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.lifecycle.MessageType;

import java.time.Instant;
import java.util.Optional;

/**
 * A message scheduled through the seed API (a delayed event underneath): its id is the delay id; once sent, it names
 * the message it became.
 */
public record ScheduledMessage(String id, long chatId, String roomId, MessageType type, String content,
                               Instant scheduledTime, String status, Optional<String> eventId) {
    public boolean executed() {
        return "sent".equals(status);
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
