package io.zhihang.domain.lifecycle;

import io.zhihang.domain.event.Pdu;

import java.time.Instant;

/**
 * A stored event as the lifecycle rules see it: where and by whom it was sent, when ({@code origin_server_ts}),
 * whether it is state, the relation it has itself ({@code rel_type}, or null) and whether it was redacted.
 */
public record MessageFacts(String eventId, String roomId, String sender, boolean isState, String relType,
                           Instant sentAt, boolean redacted) {

    /** A redacted event has lost its content, and with it any relation of its own. */
    public static MessageFacts of(Pdu pdu, boolean redacted) {
        String relType = redacted ? null
                : pdu.content().object("m.relates_to").flatMap(r -> r.string("rel_type")).orElse(null);
        return new MessageFacts(pdu.eventId(), pdu.roomId(), pdu.sender(), pdu.isState(), relType,
                Instant.ofEpochMilli(pdu.originServerTs()), redacted);
    }

    /** Whether {@code now} is at most {@code window} after the event was sent (the edge itself is still inside). */
    boolean sentWithin(java.time.Duration window, Instant now) {
        return !now.isAfter(sentAt.plus(window));
    }
}
