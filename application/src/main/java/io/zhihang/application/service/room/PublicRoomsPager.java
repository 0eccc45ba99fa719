package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.PublicRoomsPage;
import io.zhihang.application.port.in.room.PublicRoomsPage.PublicRoom;
import io.zhihang.domain.shared.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pages of the public room list with Synapse's kind of token: a token names the room at the edge of a page (its
 * size and id) and a direction, so pages stay stable while other rooms come and go. A {@code next_batch} token reads
 * on after its room; a {@code prev_batch} token reads back from before it. Clients see the tokens as opaque strings
 * (URL-safe Base64).
 */
final class PublicRoomsPager {
    /** The most rooms in one response (Synapse's {@code MAX_PUBLIC_ROOMS_IN_RESPONSE}), also the default. */
    static final int MAX_LIMIT = 100;

    /** A position behind every listed room (they all have members): reading back from it gives the last page. */
    private static final PublicRoom END = edge(-1, "");

    private PublicRoomsPager() {
    }

    /** A page of {@code rooms}, which must be in {@link PublicRoomList#ORDER}. */
    static PublicRoomsPage page(List<PublicRoom> rooms, String since, Integer limit) {
        int size = limit == null || limit == 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
        if (since == null) {
            return slice(rooms, 0, Math.min(size, rooms.size()));
        }
        Token token = Token.parse(since);
        int before = (int) rooms.stream().filter(r -> PublicRoomList.ORDER.compare(r, token.edge()) < 0).count();
        if (token.forwards()) {
            int after = (int) rooms.stream().filter(r -> PublicRoomList.ORDER.compare(r, token.edge()) <= 0).count();
            return slice(rooms, after, Math.min(after + size, rooms.size()));
        }
        return slice(rooms, Math.max(0, before - size), before);
    }

    private static PublicRoomsPage slice(List<PublicRoom> rooms, int from, int to) {
        List<PublicRoom> chunk = rooms.subList(from, to);
        String next = to < rooms.size() && !chunk.isEmpty() ? new Token(true, chunk.getLast()).format() : null;
        String prev = from == 0 ? null : new Token(false, chunk.isEmpty() ? END : chunk.getFirst()).format();
        return new PublicRoomsPage(chunk, next, prev, rooms.size());
    }

    private static PublicRoom edge(long joinedMembers, String roomId) {
        return new PublicRoom(roomId, null, null, null, joinedMembers, false, false, null, null, null);
    }

    /** The room at a page's edge, and the way to read from it. */
    private record Token(boolean forwards, PublicRoom edge) {
        String format() {
            String raw = (forwards ? "f" : "b") + edge.numJoinedMembers() + ":" + edge.roomId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Token parse(String token) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                char direction = raw.charAt(0);
                if (direction != 'f' && direction != 'b') {
                    throw new IllegalArgumentException("direction");
                }
                return new Token(direction == 'f', PublicRoomsPager.edge(Long.parseLong(raw.substring(1, colon)),
                        raw.substring(colon + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw DomainException.invalidParam("Invalid since token");
            }
        }
    }
}
