package io.zhihang.application.port.in.delayed;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/**
 * Send {@code content} as a {@code type} event into the room later, as the requester.
 *
 * @param stateKey null for a message event
 * @param txnId    the client's transaction id: the same device scheduling under the same id gets the same delayed
 *                 event back (null: no idempotency)
 */
public record ScheduleDelayedEventCommand(Requester requester, String roomId, String type, String stateKey,
                                          JsonObject content, String txnId, SendTime sendTime) {
    public ScheduleDelayedEventCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(sendTime, "sendTime");
        if (roomId == null || roomId.isBlank()) {
            throw DomainException.missingParam("A room id is required");
        }
        if (type == null || type.isBlank()) {
            throw DomainException.missingParam("An event type is required");
        }
        if (content == null) {
            throw DomainException.badJson("The event content must be a JSON object");
        }
    }
}
