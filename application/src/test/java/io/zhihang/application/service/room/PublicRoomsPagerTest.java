package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.PublicRoomsPage;
import io.zhihang.application.port.in.room.PublicRoomsPage.PublicRoom;
import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicRoomsPagerTest {
    /** Seven rooms of 7, 6, … 1 members. */
    private final List<PublicRoom> rooms = IntStream.rangeClosed(1, 7).mapToObj(n -> room("!r" + n, n))
            .sorted(PublicRoomList.ORDER).toList();

    private static PublicRoom room(String id, long members) {
        return new PublicRoom(id, null, null, null, members, false, false, "public", null, null);
    }

    private static List<String> ids(PublicRoomsPage page) {
        return page.chunk().stream().map(PublicRoom::roomId).toList();
    }

    @Test
    void paging_forwards_then_back_visits_every_room_once_largest_first() {
        PublicRoomsPage first = PublicRoomsPager.page(rooms, null, 3);
        PublicRoomsPage second = PublicRoomsPager.page(rooms, first.nextBatch(), 3);
        PublicRoomsPage third = PublicRoomsPager.page(rooms, second.nextBatch(), 3);

        assertThat(ids(first)).containsExactly("!r7", "!r6", "!r5");
        assertThat(first.prevBatch()).isNull();
        assertThat(ids(second)).containsExactly("!r4", "!r3", "!r2");
        assertThat(ids(third)).containsExactly("!r1");
        assertThat(third.nextBatch()).isNull();
        assertThat(ids(PublicRoomsPager.page(rooms, third.prevBatch(), 3))).containsExactly("!r4", "!r3", "!r2");
        assertThat(ids(PublicRoomsPager.page(rooms, second.prevBatch(), 3))).containsExactly("!r7", "!r6", "!r5");
        assertThat(PublicRoomsPager.page(rooms, second.prevBatch(), 3).prevBatch()).isNull();
        assertThat(first.totalRoomCountEstimate()).isEqualTo(7);
    }

    @Test
    void ties_in_size_are_ordered_by_room_id_descending() {
        List<PublicRoom> tied = new ArrayList<>(List.of(room("!a", 2), room("!c", 2), room("!b", 2), room("!z", 5)));
        tied.sort(PublicRoomList.ORDER);

        PublicRoomsPage first = PublicRoomsPager.page(tied, null, 2);

        assertThat(ids(first)).containsExactly("!z", "!c");
        assertThat(ids(PublicRoomsPager.page(tied, first.nextBatch(), 2))).containsExactly("!b", "!a");
    }

    @Test
    void a_page_stays_put_when_a_room_before_it_goes() {
        PublicRoomsPage first = PublicRoomsPager.page(rooms, null, 3);
        List<PublicRoom> fewer = rooms.stream().filter(r -> !r.roomId().equals("!r6")).toList();

        assertThat(ids(PublicRoomsPager.page(fewer, first.nextBatch(), 3))).containsExactly("!r4", "!r3", "!r2");
    }

    @Test
    void reading_past_the_end_gives_an_empty_page_that_leads_back() {
        PublicRoomsPage beyond = PublicRoomsPager.page(rooms.subList(0, 3),
                PublicRoomsPager.page(rooms, null, 5).nextBatch(), 5);

        assertThat(beyond.chunk()).isEmpty();
        assertThat(beyond.nextBatch()).isNull();
        assertThat(ids(PublicRoomsPager.page(rooms.subList(0, 3), beyond.prevBatch(), 5)))
                .containsExactly("!r7", "!r6", "!r5");
    }

    @Test
    void no_limit_or_a_huge_one_gives_at_most_a_hundred() {
        List<PublicRoom> many = IntStream.range(0, 150).mapToObj(n -> room("!m" + n, 1))
                .sorted(PublicRoomList.ORDER).toList();

        assertThat(PublicRoomsPager.page(many, null, null).chunk()).hasSize(100);
        assertThat(PublicRoomsPager.page(many, null, 0).chunk()).hasSize(100);
        assertThat(PublicRoomsPager.page(many, null, 5000).chunk()).hasSize(100);
    }

    @Test
    void a_made_up_token_is_refused() {
        assertThatThrownBy(() -> PublicRoomsPager.page(rooms, "not a token!", 3))
                .isInstanceOf(DomainException.class).hasMessage("Invalid since token");
        assertThatThrownBy(() -> PublicRoomsPager.page(rooms, "eA", 3)).isInstanceOf(DomainException.class);
    }
}
