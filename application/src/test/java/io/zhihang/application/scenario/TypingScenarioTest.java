package io.zhihang.application.scenario;

import io.zhihang.application.fakes.RecordingEvents;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.application.service.typing.TypingService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** Typing notices as sync reads them: who types where, since which position, until when; and who may type. */
class TypingScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final RecordingEvents<SyncActivity> activity = new RecordingEvents<>();
    private final TypingService typing = new TypingService(hs.state, hs.server.clock, activity);
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();
    private final String roomId = hs.createRoom(alice, "private_chat", bobId);

    TypingScenarioTest() {
        hs.membership.join(bob, roomId, null);
    }

    @Test
    void sync_sees_who_starts_and_stops_typing_after_its_position() {
        String quiet = hs.createRoom(alice, "private_chat");
        long before = typing.typingPosition();

        typing.setTyping(alice, roomId, alice.userId(), true, 30_000L);
        assertThat(activity.fired()).containsExactly(SyncActivity.ofRoom(roomId));
        assertThat(typing.typingSince(List.of(roomId, quiet), before)).isEqualTo(Map.of(roomId, List.of(aliceId)));
        long seen = typing.typingPosition();
        assertThat(seen).isGreaterThan(before);

        typing.setTyping(bob, roomId, bob.userId(), true, null);
        assertThat(typing.typingSince(List.of(roomId), seen)).isEqualTo(Map.of(roomId, List.of(aliceId, bobId)));

        activity.clear();
        long both = typing.typingPosition();
        typing.setTyping(alice, roomId, alice.userId(), true, 30_000L);
        assertThat(typing.typingPosition()).as("typing on: only the deadline moves").isEqualTo(both);
        assertThat(activity.fired()).isEmpty();

        typing.setTyping(alice, roomId, alice.userId(), false, null);
        typing.setTyping(bob, roomId, bob.userId(), false, null);
        assertThat(typing.typingSince(List.of(roomId), both)).isEqualTo(Map.of(roomId, List.of()));
        assertThat(activity.fired()).hasSize(2);

        typing.setTyping(bob, roomId, bob.userId(), false, null);
        assertThat(activity.fired()).as("stopping when not typing changes nothing").hasSize(2);
    }

    @Test
    void an_initial_sync_sees_only_the_rooms_where_someone_types() {
        String other = hs.createRoom(alice, "private_chat");
        typing.setTyping(alice, other, alice.userId(), true, null);
        typing.setTyping(alice, other, alice.userId(), false, null);
        typing.setTyping(bob, roomId, bob.userId(), true, null);
        assertThat(typing.typingSince(List.of(roomId, other), 0)).isEqualTo(Map.of(roomId, List.of(bobId)));
    }

    @Test
    void notices_run_out_at_their_timeout_and_the_room_hears_of_it() {
        typing.setTyping(alice, roomId, alice.userId(), true, 5_000L);
        typing.setTyping(bob, roomId, bob.userId(), true, 20_000L);
        long before = typing.typingPosition();
        activity.clear();

        typing.expire(hs.server.clock.advance(Duration.ofMillis(4_999)));
        assertThat(typing.typingPosition()).isEqualTo(before);
        assertThat(activity.fired()).isEmpty();

        typing.expire(hs.server.clock.advance(Duration.ofMillis(1)));
        assertThat(typing.typingSince(List.of(roomId), before)).isEqualTo(Map.of(roomId, List.of(bobId)));
        assertThat(activity.fired()).containsExactly(new SyncActivity(Set.of(), Set.of(roomId)));

        typing.expire(hs.server.clock.advance(Duration.ofSeconds(15)));
        assertThat(typing.typingSince(List.of(roomId), 0)).isEmpty();
    }

    @Test
    void timeouts_are_capped_at_two_minutes() {
        typing.setTyping(alice, roomId, alice.userId(), true, 3_600_000L);
        typing.expire(hs.server.clock.advance(Duration.ofMinutes(2)));
        assertThat(typing.typingSince(List.of(roomId), 0)).isEmpty();
    }

    @Test
    void a_user_who_leaves_stops_typing() {
        typing.setTyping(bob, roomId, bob.userId(), true, null);
        long before = typing.typingPosition();
        typing.leftRoom(roomId, bobId);
        assertThat(typing.typingSince(List.of(roomId), before)).isEqualTo(Map.of(roomId, List.of()));
    }

    @Test
    void only_joined_members_type_and_only_for_themselves() {
        String invitedOnly = hs.createRoom(alice, "private_chat", bobId);
        assertThat(refusal(() -> typing.setTyping(alice, roomId, bob.userId(), true, null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> typing.setTyping(carol, roomId, carol.userId(), true, null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> typing.setTyping(bob, invitedOnly, bob.userId(), true, null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> typing.setTyping(alice, "!nowhere:example.org", alice.userId(), true, null))
                .kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> typing.setTyping(alice, roomId, alice.userId(), true, -1L)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(typing.typingSince(List.of(roomId, invitedOnly), 0)).isEmpty();
        assertThat(activity.fired()).isEmpty();
    }

    @Test
    void a_position_from_before_a_restart_gets_every_room_so_stale_typers_clear() {
        typing.setTyping(alice, roomId, alice.userId(), true, null);
        long oldPosition = typing.typingPosition();
        hs.server.clock.advance(Duration.ofSeconds(1));
        TypingService restarted = new TypingService(hs.state, hs.server.clock, activity);
        assertThat(restarted.typingPosition()).as("never goes back").isGreaterThan(oldPosition);
        assertThat(restarted.typingSince(List.of(roomId), oldPosition)).isEqualTo(Map.of(roomId, List.of()));
    }
}
