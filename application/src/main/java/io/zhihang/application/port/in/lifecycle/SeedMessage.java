package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.lifecycle.MessageStatus;
import io.zhihang.domain.lifecycle.MessageType;

import java.time.Instant;

/**
 * A message as the seed API shows it: its numeric id (the event's stream ordering) and Matrix event id, the chat's
 * number and room id, the sender's number, user id and display name, its type, text and status.
 */
public record SeedMessage(long id, String eventId, long chatId, String roomId, long senderId, String senderUserId,
                          String senderName, MessageType type, String content, Instant createdAt,
                          MessageStatus status) {
}
