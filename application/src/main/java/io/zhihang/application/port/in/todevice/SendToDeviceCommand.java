package io.zhihang.application.port.in.todevice;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.todevice.ToDeviceMessages;

/** {@code PUT /sendToDevice/{eventType}/{txnId}}: one event type, a message per recipient device. */
public record SendToDeviceCommand(Requester requester, String eventType, String txnId, ToDeviceMessages messages) {
    /** The stored length of an event type and of a transaction id. */
    public static final int MAX_ID_LENGTH = 255;

    public SendToDeviceCommand {
        if (eventType == null || eventType.isEmpty() || eventType.length() > MAX_ID_LENGTH) {
            throw DomainException.invalidParam("The event type must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (txnId == null || txnId.isEmpty() || txnId.length() > MAX_ID_LENGTH) {
            throw DomainException.invalidParam("The transaction id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (messages == null) {
            throw DomainException.missingParam("Missing 'messages'");
        }
    }
}
