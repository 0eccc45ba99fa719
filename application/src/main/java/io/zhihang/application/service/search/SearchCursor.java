package io.zhihang.application.service.search;

import io.zhihang.application.port.in.search.RoomEventSearch;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.domain.shared.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A {@code next_batch} token of a room-events search: the last match the previous page looked at (its rank and
 * stream ordering: the next page starts after it), the order the pages are in, and, for a room group's token, the
 * room the search stays in. Opaque to clients (unpadded URL-safe Base64).
 */
record SearchCursor(RoomEventSearch.Order order, double rank, long streamOrdering, String roomId) {
    private static final String VERSION = "s1";

    static SearchCursor after(RoomEventSearch.Order order, EventSearchIndex.Hit hit, String roomId) {
        return new SearchCursor(order, hit.rank(), hit.streamOrdering(), roomId);
    }

    /** The token's place as the index's cursor. */
    EventSearchIndex.Hit position() {
        return new EventSearchIndex.Hit(null, null, streamOrdering, rank);
    }

    SearchCursor inRoom(String room) {
        return new SearchCursor(order, rank, streamOrdering, room);
    }

    String format() {
        String text = String.join("\n", VERSION, order.name(), Long.toHexString(Double.doubleToLongBits(rank)),
                Long.toString(streamOrdering), roomId == null ? "" : roomId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token given back with a search ordered by {@code order}; a foreign or damaged token is refused. */
    static SearchCursor parse(String token, RoomEventSearch.Order order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (parts.length != 5 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            if (RoomEventSearch.Order.valueOf(parts[1]) != order) {
                throw DomainException.invalidParam("next_batch belongs to a search in another order");
            }
            return new SearchCursor(order, Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16)),
                    Long.parseLong(parts[3]), parts[4].isEmpty() ? null : parts[4]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalidParam("Invalid next_batch");
    }
}
