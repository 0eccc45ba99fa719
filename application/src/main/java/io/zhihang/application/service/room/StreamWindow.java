package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;

import java.util.function.LongSupplier;

/**
 * A page request over a room's stream, from {@code from}/{@code to} tokens: the bounds to hand to {@link EventStore}
 * (both exclusive) and the token after the page. A token's position has the events at or before it behind it.
 *
 * @param position where the page starts, as a position
 * @param from     the exclusive store bound at the start
 * @param to       the exclusive store bound at the end, or null
 */
record StreamWindow(long position, long from, Long to, boolean backwards) {

    /** {@code latest} gives the start of a backwards page without a {@code from} token. */
    static StreamWindow of(String fromToken, String toToken, boolean backwards, LongSupplier latest) {
        long position = fromToken == null ? (backwards ? latest.getAsLong() : 0) : StreamToken.parse(fromToken);
        Long stop = toToken == null ? null : StreamToken.parse(toToken);
        return backwards
                ? new StreamWindow(position, position + 1, stop, true)
                : new StreamWindow(position, position, stop == null ? null : stop + 1, false);
    }

    EventStore.Direction direction() {
        return backwards ? EventStore.Direction.BACKWARDS : EventStore.Direction.FORWARDS;
    }

    /** The token after {@code last} in the paging direction, or after nothing if the page was empty. */
    String tokenAfter(StoredEvent last) {
        if (last == null) {
            return StreamToken.format(position);
        }
        return StreamToken.format(backwards ? last.streamOrdering() - 1 : last.streamOrdering());
    }
}
