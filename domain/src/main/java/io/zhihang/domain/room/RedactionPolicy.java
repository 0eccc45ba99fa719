package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;

import java.util.Optional;

/**
 * Whether an accepted redaction is applied to the event it names (room versions 3+, "Handling redactions"): the auth
 * rules let anyone allowed to send {@code m.room.redaction} send one, and the redact level is checked here, once both
 * events are known. The redaction applies if its sender has the redact level, or is on the same server as the
 * redacted event's sender.
 */
public final class RedactionPolicy {
    private RedactionPolicy() {
    }

    public static Decision mayApply(Pdu redaction, Pdu redacted, PowerLevels levels) {
        if (!redaction.type().equals(RoomEventTypes.REDACTION)) {
            return Decision.deny(redaction.eventId() + " is not a redaction");
        }
        if (!redaction.redacts().filter(redacted.eventId()::equals).isPresent()) {
            return Decision.deny(redaction.eventId() + " does not redact " + redacted.eventId());
        }
        if (!redaction.json().string("room_id").equals(redacted.json().string("room_id"))) {
            return Decision.deny("The redaction and the redacted event are in different rooms");
        }
        if (levels.userCanRedactOthers(redaction.sender())) {
            return Decision.allow();
        }
        Optional<String> server = Ids.domainOf(redaction.sender());
        if (server.isPresent() && server.equals(Ids.domainOf(redacted.sender()))) {
            return Decision.allow();
        }
        return Decision.deny("Redacting another server's users' events needs power level " + levels.redact());
    }
}
