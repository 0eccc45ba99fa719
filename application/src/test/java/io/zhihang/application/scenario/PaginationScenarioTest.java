package io.zhihang.application.scenario;

import io.zhihang.application.port.in.room.RoomQueries.MessagesPage;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /messages}: a client walks a room's timeline page by page, backwards from the newest event or forwards from
 * the oldest, and may stop at a token it already holds. Another room's traffic shares the stream but never shows.
 */
class PaginationScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final String roomId = hs.createRoom(alice, "public_chat");
    private final List<String> timeline;

    PaginationScenarioTest() {
        String otherRoom = hs.createRoom(alice, "public_chat");
        for (int i = 1; i <= 10; i++) {
            hs.say(alice, roomId, "m" + i);
            hs.say(alice, otherRoom, "elsewhere " + i);
        }
        timeline = hs.events.all(roomId).stream().map(e -> e.pdu().eventId()).toList();
    }

    @Test
    void paging_backwards_from_the_newest_event_walks_the_whole_room_newest_first() {
        MessagesPage first = messages(null, null, true, 3);
        assertThat(bodies(first)).containsExactly("m10", "m9", "m8");
        assertThat(first.end()).isNotNull();

        List<String> seen = walk(null, true, 3);

        assertThat(seen).isEqualTo(timeline.reversed());
    }

    @Test
    void paging_forwards_from_the_start_walks_the_whole_room_oldest_first() {
        MessagesPage first = messages(null, null, false, 4);
        assertThat(first.chunk().getFirst().string("type")).contains("m.room.create");
        assertThat(first.chunk()).hasSize(4);

        List<String> seen = walk(null, false, 4);

        assertThat(seen).isEqualTo(timeline);
    }

    @Test
    void each_page_starts_where_the_previous_one_ended() {
        MessagesPage first = messages(null, null, true, 3);
        MessagesPage second = messages(first.end(), null, true, 3);

        assertThat(second.start()).isEqualTo(first.end());
        assertThat(bodies(second)).containsExactly("m7", "m6", "m5");
    }

    @Test
    void the_last_page_has_no_end_token() {
        MessagesPage all = messages(null, null, false, 100);

        assertThat(ids(all)).isEqualTo(timeline);
        assertThat(all.end()).isNull();
    }

    @Test
    void a_to_token_stops_the_page_at_what_the_client_already_has() {
        MessagesPage oldest = messages(null, null, false, 8);
        String boundary = oldest.end();

        MessagesPage newer = messages(null, boundary, true, 100);
        MessagesPage older = messages(null, boundary, false, 100);

        assertThat(ids(newer)).isEqualTo(timeline.subList(8, timeline.size()).reversed());
        assertThat(ids(older)).isEqualTo(ids(oldest));
        assertThat(newer.end()).isNull();
    }

    @Test
    void paging_forwards_from_the_newest_token_returns_only_what_came_since() {
        String newest = messages(null, null, true, 1).start();
        assertThat(messages(newest, null, false, 10).chunk()).isEmpty();

        hs.say(alice, roomId, "m11");

        MessagesPage since = messages(newest, null, false, 10);
        assertThat(bodies(since)).containsExactly("m11");
        assertThat(since.start()).isEqualTo(newest);
        assertThat(since.end()).isNull();
    }

    @Test
    void a_limit_of_zero_returns_no_events_and_a_token_at_the_start() {
        MessagesPage fromEnd = messages(null, null, true, 0);
        String middle = messages(null, null, true, 5).end();
        MessagesPage fromMiddle = messages(middle, null, false, 0);

        assertThat(fromEnd.chunk()).isEmpty();
        assertThat(fromEnd.end()).isEqualTo(fromEnd.start());
        assertThat(messages(fromEnd.start(), null, true, 1).chunk().getFirst().string("event_id"))
                .contains(timeline.getLast());
        assertThat(fromMiddle.chunk()).isEmpty();
        assertThat(fromMiddle.start()).isEqualTo(middle).isEqualTo(fromMiddle.end());
    }

    @Test
    void events_of_other_rooms_never_appear_and_every_event_is_named_with_its_room() {
        List<JsonObject> chunk = messages(null, null, false, 1000).chunk();

        assertThat(chunk).allSatisfy(e -> assertThat(e.string("room_id")).contains(roomId));
        assertThat(hs.events.all(roomId)).extracting(StoredEvent::streamOrdering).isSorted();
    }

    @Test
    void a_malformed_token_is_an_invalid_parameter() {
        assertThat(refusal(() -> messages("yesterday", null, true, 10)).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> messages("s-1", null, true, 10)).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    private MessagesPage messages(String from, String to, boolean backwards, int limit) {
        return hs.queries.messages(alice, roomId, from, to, backwards, limit);
    }

    /** Follows end tokens until the last page; returns the event ids in the order served. */
    private List<String> walk(String from, boolean backwards, int limit) {
        List<String> seen = new ArrayList<>();
        String token = from;
        do {
            MessagesPage page = messages(token, null, backwards, limit);
            assertThat(page.chunk()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(ids(page));
            token = page.end();
        } while (token != null);
        return seen;
    }

    private static List<String> ids(MessagesPage page) {
        return page.chunk().stream().map(e -> e.string("event_id").orElseThrow()).toList();
    }

    private static List<String> bodies(MessagesPage page) {
        return page.chunk().stream().map(e -> e.object("content").flatMap(c -> c.string("body")).orElse(null))
                .toList();
    }
}
