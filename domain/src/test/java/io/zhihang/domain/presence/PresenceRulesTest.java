package io.zhihang.domain.presence;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresenceRulesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void going_online_is_news_and_makes_the_user_currently_active() {
        Presence online = Presence.OFFLINE.fromSync(PresenceState.ONLINE, T0);
        assertThat(online).isEqualTo(new Presence(PresenceState.ONLINE, null, T0, true));
        assertThat(online.worthNotifying(Presence.OFFLINE)).isTrue();
        assertThat(online.worthStoring(Presence.OFFLINE)).isTrue();
    }

    @Test
    void syncing_online_again_within_a_minute_is_neither_stored_nor_news() {
        Presence online = Presence.OFFLINE.fromSync(PresenceState.ONLINE, T0);
        Presence again = online.fromSync(PresenceState.ONLINE, at(30));
        assertThat(again.worthStoring(online)).isFalse();
        assertThat(again.worthNotifying(online)).isFalse();
    }

    @Test
    void a_stale_last_active_is_stored_but_is_no_news_while_the_user_is_currently_active() {
        Presence online = Presence.OFFLINE.fromSync(PresenceState.ONLINE, T0);
        Presence later = online.fromSync(PresenceState.ONLINE, at(61));
        assertThat(later.worthStoring(online)).isTrue();
        assertThat(later.worthNotifying(online)).isFalse();
    }

    @Test
    void a_new_status_message_or_state_is_news() {
        Presence online = Presence.OFFLINE.set(PresenceState.ONLINE, null, T0);
        Presence busy = online.set(PresenceState.ONLINE, "In a meeting", at(1));
        assertThat(busy.worthNotifying(online)).isTrue();
        assertThat(busy.statusMsg()).isEqualTo("In a meeting");
        Presence away = busy.set(PresenceState.UNAVAILABLE, null, at(2));
        assertThat(away.worthNotifying(busy)).isTrue();
        assertThat(away.statusMsg()).as("PUT without status_msg clears it").isNull();
        assertThat(away.lastActive()).as("only going online counts as activity").isEqualTo(at(1));
        assertThat(away.currentlyActive()).isFalse();
    }

    @Test
    void sync_keeps_the_status_message() {
        Presence withMessage = Presence.OFFLINE.set(PresenceState.UNAVAILABLE, "Lunch", T0);
        assertThat(withMessage.fromSync(PresenceState.ONLINE, at(5)).statusMsg()).isEqualTo("Lunch");
    }

    @Test
    void online_users_inactive_for_five_minutes_become_unavailable() {
        Presence online = Presence.OFFLINE.fromSync(PresenceState.ONLINE, T0);
        assertThat(online.idle(at(300))).isSameAs(online);
        Presence idle = online.idle(at(301));
        assertThat(idle.state()).isEqualTo(PresenceState.UNAVAILABLE);
        assertThat(idle.lastActive()).isEqualTo(T0);
        assertThat(idle.worthNotifying(online)).isTrue();
        assertThat(idle.idle(at(10_000))).isSameAs(idle);
    }

    @Test
    void the_content_follows_synapse_s_format() {
        Presence online = Presence.OFFLINE.set(PresenceState.ONLINE, "hi", T0);
        assertThat(CanonicalJson.encode(online.content(at(2))))
                .isEqualTo("{\"currently_active\":true,\"last_active_ago\":2000,\"presence\":\"online\","
                        + "\"status_msg\":\"hi\"}");
        assertThat(CanonicalJson.encode(Presence.OFFLINE.content(T0))).isEqualTo("{\"presence\":\"offline\"}");
        Presence away = online.set(PresenceState.UNAVAILABLE, "", at(1));
        assertThat(CanonicalJson.encode(away.content(at(61))))
                .as("currently_active only when online; an empty status message is left out")
                .isEqualTo("{\"last_active_ago\":61000,\"presence\":\"unavailable\"}");
    }

    @Test
    void unknown_states_and_long_status_messages_are_refused() {
        assertThatThrownBy(() -> PresenceState.parse("busy")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        assertThatThrownBy(() -> Presence.OFFLINE.set(PresenceState.ONLINE, "x".repeat(1001), T0))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        assertThat(Presence.LAST_ACTIVE_GRANULARITY).isEqualTo(Duration.ofMinutes(1));
    }
}
