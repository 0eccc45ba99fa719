package io.zhihang.domain.event;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Objects;

/**
 * What a sender wants to put into a room, before the server turns it into a PDU: the type, the state key (null for
 * message events), the sender and the content. {@code redacts} is set for redactions.
 */
public record EventDraft(String type, String stateKey, String sender, JsonObject content, String redacts) {
    public EventDraft {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        content = content == null ? JsonObject.EMPTY : content;
    }

    public static EventDraft message(String type, String sender, JsonObject content) {
        return new EventDraft(type, null, sender, content, null);
    }

    public static EventDraft state(String type, String stateKey, String sender, JsonObject content) {
        return new EventDraft(type, stateKey == null ? "" : stateKey, sender, content, null);
    }

    public static EventDraft redaction(String sender, String redacts, JsonObject content) {
        return new EventDraft("m.room.redaction", null, sender, content, redacts);
    }

    public boolean isState() {
        return stateKey != null;
    }

    /**
     * Whether this state draft would only repeat {@code current}, the room's current event of its type and state key:
     * the same sender and the same content (Synapse's {@code deduplicate_state_event}). Member events never repeat
     * here: a membership change has its own rules.
     */
    public boolean repeats(Pdu current) {
        return isState() && !type.equals("m.room.member") && type.equals(current.type())
                && current.stateKey().filter(stateKey::equals).isPresent()
                && sender.equals(current.sender()) && content.equals(current.content());
    }
}
