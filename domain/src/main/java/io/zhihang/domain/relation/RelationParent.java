package io.zhihang.domain.relation;

import io.zhihang.domain.event.Pdu;

/**
 * An event that child events may be aggregated onto, as far as aggregation cares: its sender and type (an edit must
 * match them), whether it is state, the relation it has itself ({@code rel_type}, or null), and whether it was
 * redacted.
 */
public record RelationParent(String eventId, String type, String sender, boolean isState, String relType,
                             boolean redacted) {

    /** A redacted event has lost its content, and with it any relation of its own. */
    public static RelationParent of(Pdu pdu, boolean redacted) {
        String relType = redacted ? null : relTypeOf(pdu);
        return new RelationParent(pdu.eventId(), pdu.type(), pdu.sender(), pdu.isState(), relType, redacted);
    }

    /** {@code content.m.relates_to.rel_type}, or null (a rich reply without {@code rel_type} is no relation). */
    public static String relTypeOf(Pdu pdu) {
        return pdu.content().object("m.relates_to").flatMap(r -> r.string("rel_type")).orElse(null);
    }
}
