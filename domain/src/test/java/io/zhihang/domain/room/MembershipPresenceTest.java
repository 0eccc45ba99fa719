package io.zhihang.domain.room;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipPresenceTest {

    @Test
    void joined_invited_and_knocking_users_are_present_in_the_room() {
        assertThat(Membership.isPresent("join")).isTrue();
        assertThat(Membership.isPresent("invite")).isTrue();
        assertThat(Membership.isPresent("knock")).isTrue();
    }

    @Test
    void users_who_left_were_banned_or_never_came_are_not() {
        assertThat(Membership.isPresent("leave")).isFalse();
        assertThat(Membership.isPresent("ban")).isFalse();
        assertThat(Membership.isPresent(null)).isFalse();
        assertThat(Membership.isPresent("whatever")).isFalse();
    }
}
