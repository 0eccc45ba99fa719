package io.zhihang.domain.room;

import io.zhihang.domain.room.HistorySpans.Change;
import io.zhihang.domain.room.HistorySpans.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistorySpansTest {
    private static final long MAX = Long.MAX_VALUE;

    private static Change at(long ordering, String value) {
        return new Change(ordering, value);
    }

    @Test
    void a_member_of_a_shared_room_sees_it_all() {
        assertThat(HistorySpans.visible(List.of(at(5, "join")), List.of(at(3, "shared"))))
                .containsExactly(new Span(0, MAX));
    }

    @Test
    void joined_history_starts_at_the_join_and_ends_at_the_leave() {
        List<Span> spans = HistorySpans.visible(List.of(at(10, "invite"), at(20, "join"), at(30, "leave")),
                List.of(at(3, "joined")));
        // Before the room turned "joined" (at 3) its history was shared with whoever joins.
        assertThat(spans).containsExactly(new Span(0, 3), new Span(21, 30));
        assertThat(spans.getLast().contains(25)).isTrue();
        assertThat(spans.getLast().contains(30)).isFalse();
    }

    @Test
    void invited_history_starts_at_the_invite() {
        assertThat(HistorySpans.visible(List.of(at(10, "invite"), at(20, "join")), List.of(at(3, "invited"))))
                .containsExactly(new Span(0, 3), new Span(11, MAX));
    }

    @Test
    void shared_history_is_readable_up_to_the_last_join_by_someone_who_left() {
        assertThat(HistorySpans.visible(List.of(at(20, "join"), at(30, "leave")), List.of()))
                .containsExactly(new Span(0, 30));
    }

    @Test
    void a_change_of_visibility_applies_from_the_change_on() {
        assertThat(HistorySpans.visible(List.of(at(40, "invite"), at(50, "join")),
                List.of(at(3, "shared"), at(20, "joined"))))
                .containsExactly(new Span(0, 20), new Span(51, MAX));
    }

    @Test
    void world_readable_stretches_are_open_even_to_those_never_in_the_room() {
        assertThat(HistorySpans.visible(List.of(), List.of(at(3, "shared"), at(10, "world_readable"),
                at(20, "joined")))).containsExactly(new Span(11, 20));
        assertThat(HistorySpans.visible(List.of(at(10, "invite"), at(11, "leave")), List.of())).isEmpty();
    }

    @Test
    void stretches_separated_only_by_a_change_are_joined() {
        assertThat(HistorySpans.visible(List.of(at(20, "join"), at(30, "leave"), at(40, "join")),
                List.of(at(3, "joined"))))
                .containsExactly(new Span(0, 3), new Span(21, 30), new Span(41, MAX));
        assertThat(HistorySpans.visible(List.of(at(20, "join")), List.of(at(3, "joined"), at(25, "shared"))))
                .containsExactly(new Span(0, 3), new Span(21, MAX));
    }
}
