package io.zhihang.domain.typing;

import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypingRoomsTest {
    private static final Instant BOOT = Instant.parse("2025-01-01T00:00:00Z");

    private static Instant at(long seconds) {
        return BOOT.plusSeconds(seconds);
    }

    @Test
    void the_position_starts_at_the_boot_time_in_microseconds_and_moves_on_each_change() {
        TypingRooms typing = new TypingRooms(BOOT);
        long start = typing.position();
        assertThat(start).isEqualTo(BOOT.toEpochMilli() * 1000);
        assertThat(typing.start("!r", "@a", at(30), BOOT)).isTrue();
        assertThat(typing.position()).isEqualTo(start + 1);
        assertThat(typing.start("!r", "@a", at(40), at(1))).as("already typing: only the deadline moves").isFalse();
        assertThat(typing.position()).isEqualTo(start + 1);
        assertThat(typing.stop("!r", "@a", at(2))).isTrue();
        assertThat(typing.stop("!r", "@a", at(3))).isFalse();
        assertThat(typing.position()).isEqualTo(start + 2);
        assertThat(new TypingRooms(at(1)).position()).as("a later boot starts beyond").isGreaterThan(start + 2);
    }

    @Test
    void since_gives_the_rooms_that_changed_with_their_current_typers() {
        TypingRooms typing = new TypingRooms(BOOT);
        typing.start("!a", "@x", at(30), BOOT);
        long afterA = typing.position();
        typing.start("!b", "@y", at(30), BOOT);
        typing.start("!b", "@z", at(30), BOOT);

        assertThat(typing.since(List.of("!a", "!b", "!c"), afterA)).isEqualTo(Map.of("!b", List.of("@y", "@z")));
        assertThat(typing.since(List.of("!a"), afterA)).as("only the rooms asked about").isEmpty();
        assertThat(typing.since(List.of("!a", "!b"), typing.position())).isEmpty();

        long beforeStop = typing.position();
        typing.stop("!b", "@y", BOOT);
        typing.stop("!b", "@z", BOOT);
        assertThat(typing.since(List.of("!a", "!b"), beforeStop)).as("nobody typing any more")
                .isEqualTo(Map.of("!b", List.of()));
    }

    @Test
    void an_initial_sync_gets_the_rooms_with_typers_only() {
        TypingRooms typing = new TypingRooms(BOOT);
        typing.start("!a", "@x", at(30), BOOT);
        typing.start("!b", "@y", at(30), BOOT);
        typing.stop("!b", "@y", BOOT);
        assertThat(typing.since(List.of("!a", "!b", "!c"), 0)).isEqualTo(Map.of("!a", List.of("@x")));
    }

    @Test
    void notices_run_out_and_expiry_moves_the_position_once() {
        TypingRooms typing = new TypingRooms(BOOT);
        typing.start("!a", "@x", at(10), BOOT);
        typing.start("!b", "@y", at(10), BOOT);
        typing.start("!b", "@z", at(60), BOOT);
        long before = typing.position();

        assertThat(typing.expire(at(9))).isEmpty();
        assertThat(typing.position()).isEqualTo(before);
        assertThat(typing.expire(at(10))).containsExactly("!a", "!b");
        assertThat(typing.position()).isEqualTo(before + 1);
        assertThat(typing.since(List.of("!a", "!b"), before))
                .isEqualTo(Map.of("!a", List.of(), "!b", List.of("@z")));
    }

    @Test
    void positions_it_cannot_interpret_get_every_room_asked_about() {
        TypingRooms typing = new TypingRooms(BOOT);
        typing.start("!a", "@x", at(30), BOOT);
        long fromEarlierBoot = typing.position() - 1_000_000;
        Map<String, List<String>> all = typing.since(List.of("!a", "!b"), fromEarlierBoot);
        assertThat(all).isEqualTo(Map.of("!a", List.of("@x"), "!b", List.of()));
        assertThat(typing.since(List.of("!a", "!b"), typing.position() + 5)).isEqualTo(all);
    }

    @Test
    void idle_rooms_are_forgotten_and_older_positions_then_get_every_room() {
        TypingRooms typing = new TypingRooms(BOOT);
        typing.start("!a", "@x", at(30), BOOT);
        long sawTyping = typing.position();
        typing.stop("!a", "@x", at(1));
        long sawStop = typing.position();

        typing.expire(at(1).plus(TypingRooms.FORGET_AFTER));
        assertThat(typing.since(List.of("!a"), sawStop)).as("nothing new for who saw the stop").isEmpty();
        assertThat(typing.since(List.of("!a"), sawTyping)).as("the stop must still reach who did not")
                .isEqualTo(Map.of("!a", List.of()));
    }

    @Test
    void timeouts_default_to_30_seconds_and_are_capped_at_two_minutes() {
        assertThat(TypingRooms.timeout(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TypingRooms.timeout(5_000L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(TypingRooms.timeout(10_000_000L)).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> TypingRooms.timeout(-1L)).isInstanceOf(DomainException.class);
    }
}
