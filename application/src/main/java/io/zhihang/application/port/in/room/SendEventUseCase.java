package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/** Sending message and state events, and redactions. Each returns the event id. */
public interface SendEventUseCase {
    /** Idempotent per (user, device, txnId): a retry returns the first event's id and stores nothing new. */
    String send(Requester requester, String roomId, String type, JsonObject content, String txnId);

    String sendState(Requester requester, String roomId, String type, String stateKey, JsonObject content);

    String redact(Requester requester, String roomId, String eventId, String reason, String txnId);
}
