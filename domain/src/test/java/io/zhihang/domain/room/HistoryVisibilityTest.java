package io.zhihang.domain.room;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryVisibilityTest {

    @Test
    void world_readable_rooms_show_everything_to_everyone() {
        assertThat(HistoryVisibility.WORLD_READABLE.allows(null, false)).isTrue();
    }

    @Test
    void members_see_what_was_sent_while_they_were_joined_whatever_the_setting() {
        for (HistoryVisibility v : HistoryVisibility.values()) {
            assertThat(v.allows("join", false)).isTrue();
        }
    }

    @Test
    void shared_history_opens_the_past_to_current_members_only() {
        assertThat(HistoryVisibility.SHARED.allows(null, true)).isTrue();
        assertThat(HistoryVisibility.SHARED.allows("leave", true)).isTrue();
        assertThat(HistoryVisibility.SHARED.allows(null, false)).isFalse();
        assertThat(HistoryVisibility.SHARED.allows("leave", false)).isFalse();
    }

    @Test
    void invited_history_starts_at_the_invite() {
        assertThat(HistoryVisibility.INVITED.allows("invite", true)).isTrue();
        assertThat(HistoryVisibility.INVITED.allows(null, true)).isFalse();
    }

    @Test
    void joined_history_starts_at_the_join() {
        assertThat(HistoryVisibility.JOINED.allows("invite", true)).isFalse();
        assertThat(HistoryVisibility.JOINED.allows(null, true)).isFalse();
    }

    @Test
    void unknown_settings_count_as_shared() {
        assertThat(HistoryVisibility.parse(null)).isEqualTo(HistoryVisibility.SHARED);
        assertThat(HistoryVisibility.parse("whatever")).isEqualTo(HistoryVisibility.SHARED);
        assertThat(HistoryVisibility.parse("joined")).isEqualTo(HistoryVisibility.JOINED);
    }
}
