package io.zhihang.application.scenario;

import io.zhihang.application.config.PresenceSettings;
import io.zhihang.application.fakes.InMemoryPresenceRepository;
import io.zhihang.application.fakes.RecordingEvents;
import io.zhihang.application.service.presence.PresenceService;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence told as a story: Alice and Bob share a room, Carol shares none. What each may read, what sync receives
 * after a position, what a syncing client costs, and how idle users fade to unavailable.
 */
class PresenceScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final RecordingEvents<SyncActivity> activity = new RecordingEvents<>();
    private final InMemoryPresenceRepository store = new InMemoryPresenceRepository(hs.state);
    private final PresenceService presence = service(true);
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();
    private final String carolId = carol.userId().toString();

    PresenceScenarioTest() {
        String roomId = hs.createRoom(alice, "private_chat", bobId);
        hs.membership.join(bob, roomId, null);
        hs.createRoom(carol, "private_chat", aliceId);   // Alice is only invited: no shared room with Carol
    }

    private PresenceService service(boolean enabled) {
        return new PresenceService(store, hs.state, new PresenceSettings(enabled), hs.server.clock, activity);
    }

    private Instant now() {
        return hs.server.clock.instant();
    }

    private static String json(JsonObject o) {
        return CanonicalJson.encode(o);
    }

    @Test
    void a_status_set_is_read_back_by_its_owner_and_by_room_mates_only() {
        assertThat(json(presence.presence(alice, alice.userId()))).isEqualTo("{\"presence\":\"offline\"}");

        presence.setPresence(alice, alice.userId(), "online", "Making tea");
        hs.server.clock.advance(Duration.ofSeconds(3));
        String expected = "{\"currently_active\":true,\"last_active_ago\":3000,\"presence\":\"online\","
                + "\"status_msg\":\"Making tea\"}";
        assertThat(json(presence.presence(alice, alice.userId()))).isEqualTo(expected);
        assertThat(json(presence.presence(bob, alice.userId()))).isEqualTo(expected);
        assertThat(refusal(() -> presence.presence(carol, alice.userId())).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(activity.fired()).containsExactly(SyncActivity.ofUsers(Set.of(aliceId, bobId)));

        presence.setPresence(alice, alice.userId(), "unavailable", null);
        assertThat(json(presence.presence(bob, alice.userId())))
                .isEqualTo("{\"last_active_ago\":3000,\"presence\":\"unavailable\"}");
    }

    @Test
    void only_oneself_sets_presence_and_only_to_a_known_state() {
        assertThat(refusal(() -> presence.setPresence(alice, bob.userId(), "online", null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> presence.setPresence(alice, alice.userId(), "busy", null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> presence.setPresenceFromSync(aliceId, "away", now())).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(presence.presencePosition()).isZero();
    }

    @Test
    void sync_receives_the_changes_of_itself_and_its_room_mates_after_its_position() {
        presence.setPresence(carol, carol.userId(), "online", null);
        presence.setPresence(bob, bob.userId(), "unavailable", "away");
        presence.setPresence(alice, alice.userId(), "online", null);

        List<JsonObject> initial = presence.presenceSince(bobId, 0, now());
        assertThat(initial).extracting(e -> e.string("sender").orElseThrow()).containsExactly(bobId, aliceId);
        assertThat(json(initial.get(1))).isEqualTo("{\"content\":{\"currently_active\":true,\"last_active_ago\":0,"
                + "\"presence\":\"online\"},\"sender\":\"" + aliceId + "\",\"type\":\"m.presence\"}");

        long position = presence.presencePosition();
        assertThat(presence.presenceSince(bobId, position, now())).isEmpty();
        presence.setPresence(alice, alice.userId(), "online", "back");
        presence.setPresence(carol, carol.userId(), "offline", null);
        assertThat(presence.presenceSince(bobId, position, now()))
                .extracting(e -> e.string("sender").orElseThrow()).containsExactly(aliceId);
        assertThat(presence.presenceSince(carolId, position, now()))
                .extracting(e -> e.string("sender").orElseThrow()).containsExactly(carolId);
        assertThat(presence.presenceSince(bobId, presence.presencePosition() + 100, now()))
                .as("a position from the future starts over").hasSize(2);
    }

    @Test
    void a_syncing_client_costs_a_write_only_on_news_or_once_a_minute() {
        presence.setPresenceFromSync(aliceId, null, now());
        long first = presence.presencePosition();
        assertThat(first).isPositive();
        assertThat(activity.fired()).containsExactly(SyncActivity.ofUsers(Set.of(aliceId, bobId)));

        presence.setPresenceFromSync(aliceId, "online", hs.server.clock.advance(Duration.ofSeconds(30)));
        assertThat(presence.presencePosition()).as("nothing stored").isEqualTo(first);

        presence.setPresenceFromSync(aliceId, "online", hs.server.clock.advance(Duration.ofSeconds(31)));
        assertThat(presence.presencePosition()).as("last_active refreshed").isGreaterThan(first);
        assertThat(activity.fired()).as("but nobody is woken: Alice is still currently active").hasSize(1);

        long refreshed = presence.presencePosition();
        presence.setPresenceFromSync(aliceId, "offline", hs.server.clock.advance(Duration.ofMinutes(10)));
        assertThat(presence.presencePosition()).as("set_presence=offline changes nothing").isEqualTo(refreshed);

        presence.setPresenceFromSync(aliceId, "unavailable", now());
        assertThat(json(presence.presence(bob, alice.userId())))
                .isEqualTo("{\"last_active_ago\":600000,\"presence\":\"unavailable\"}");
        assertThat(activity.fired()).hasSize(2);
    }

    @Test
    void sync_keeps_the_status_message_set_by_the_client() {
        presence.setPresence(alice, alice.userId(), "unavailable", "Lunch");
        presence.setPresenceFromSync(aliceId, "online", now());
        assertThat(presence.presence(alice, alice.userId()).string("status_msg")).contains("Lunch");
    }

    @Test
    void online_users_idle_for_five_minutes_become_unavailable() {
        presence.setPresenceFromSync(aliceId, "online", now());
        presence.setPresenceFromSync(bobId, "online", hs.server.clock.advance(Duration.ofMinutes(3)));
        activity.clear();

        presence.markIdle(hs.server.clock.advance(Duration.ofMinutes(2)));
        assertThat(activity.fired()).isEmpty();
        long before = presence.presencePosition();

        presence.markIdle(hs.server.clock.advance(Duration.ofSeconds(1)));
        assertThat(presence.presence(bob, alice.userId()).string("presence")).contains("unavailable");
        assertThat(presence.presence(bob, bob.userId()).string("presence")).contains("online");
        assertThat(presence.presenceSince(bobId, before, now()))
                .extracting(e -> e.string("sender").orElseThrow()).containsExactly(aliceId);
        assertThat(activity.fired()).containsExactly(SyncActivity.ofUsers(Set.of(aliceId, bobId)));
    }

    @Test
    void switched_off_presence_accepts_updates_and_reports_everyone_offline() {
        PresenceService off = service(false);
        off.setPresence(alice, alice.userId(), "online", "ignored");
        off.setPresence(alice, alice.userId(), "not-even-a-state", null);
        off.setPresenceFromSync(aliceId, "online", now());
        off.markIdle(now());
        assertThat(json(off.presence(carol, alice.userId()))).isEqualTo("{\"presence\":\"offline\"}");
        assertThat(off.presenceSince(aliceId, 0, now())).isEmpty();
        assertThat(off.presencePosition()).isZero();
        assertThat(activity.fired()).isEmpty();
        assertThat(refusal(() -> off.setPresence(alice, bob.userId(), "online", null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
    }
}
