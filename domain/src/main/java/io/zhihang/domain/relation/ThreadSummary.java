package io.zhihang.domain.relation;

/**
 * The {@code m.thread} aggregation of a thread root: its latest reply (topologically, i.e. in stream order), the number
 * of replies, and whether the reader sent the root or a reply.
 */
public record ThreadSummary(String latestEventId, long count, boolean currentUserParticipated) {
}
