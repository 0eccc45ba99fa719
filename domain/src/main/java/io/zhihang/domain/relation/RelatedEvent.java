package io.zhihang.domain.relation;

import io.zhihang.domain.event.Pdu;

/**
 * A child event, one whose {@code content.m.relates_to} names a parent, as aggregation needs it: the relation and the
 * few fields the rules compare. {@code full} is the whole event where the rules need its content and the bundle serves
 * it in full ({@code m.replace}); it may be null for other relation types, so that a long thread is counted without
 * loading every reply.
 */
public record RelatedEvent(String eventId, String parentId, String relType, String type, String sender,
                           boolean isState, long originServerTs, long streamOrdering, Pdu full) {
}
