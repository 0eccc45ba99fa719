package io.zhihang.domain.lifecycle;

import io.zhihang.domain.event.Pdu;

import java.time.Instant;

/**
 * A stored event as the lifecycle rules see it: where and by whom it was sent, when ({@code origin_server_ts}),
 * whether it is state, the relation it has itself ({@code rel_type}, or null) and whether it was redacted (recalled).
 */
public record MessageFacts(String eventId, String roomId, String sender, boolean isState, String relType,
                           Instant sentAt, boolean redacted) {

    /** A redacted event has lost its content, and with it any relation of its own. */
    public static MessageFacts of(Pdu pdu, boolean redacted) {
        return of(pdu, redacted, false);
    }

    /**
     * The facts of a message that may be hidden by password encryption. Sealing a message with a password redacts
     * it in the room so that no plaintext stays behind, but that redaction is not a recall: encryption and recall are
     * separate states, so such a message counts as not recalled, and its sender may still recall it (once).
     *
     * @param redacted           whether the event is redacted in the room
     * @param sealedWithPassword whether that redaction only hides content sealed with a password
     */
    public static MessageFacts of(Pdu pdu, boolean redacted, boolean sealedWithPassword) {
        String relType = redacted ? null
                : pdu.content().object("m.relates_to").flatMap(r -> r.string("rel_type")).orElse(null);
        return new MessageFacts(pdu.eventId(), pdu.roomId(), pdu.sender(), pdu.isState(), relType,
                Instant.ofEpochMilli(pdu.originServerTs()), isRecalled(redacted, sealedWithPassword));
    }

    /** Whether a message counts as recalled: redacted, and not merely hidden by password encryption. */
    public static boolean isRecalled(boolean redacted, boolean sealedWithPassword) {
        return redacted && !sealedWithPassword;
    }

    /** Whether {@code now} is at most {@code window} after the event was sent (the edge itself is still inside). */
    boolean sentWithin(java.time.Duration window, Instant now) {
        return !now.isAfter(sentAt.plus(window));
    }
}
