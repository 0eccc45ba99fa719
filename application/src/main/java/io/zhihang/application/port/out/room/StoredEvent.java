package io.zhihang.application.port.out.room;

import io.zhihang.domain.event.Pdu;

/** A persisted event: its place in the server-wide stream, the PDU as stored, and the redaction that hit it (or null). */
public record StoredEvent(long streamOrdering, Pdu pdu, String redactedBy) {
    public boolean isRedacted() {
        return redactedBy != null;
    }
}
