package io.zhihang.domain.userdata;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoredUsersTest {
    private static final IgnoredUsers IGNORING_MALLORY =
            IgnoredUsers.of(Json.parseObject("{\"ignored_users\":{\"@mallory:x\":{}}}"));

    private static Pdu event(String json) {
        return new Pdu("$e", Json.parseObject(json));
    }

    @Test
    void messages_of_an_ignored_user_are_hidden_but_their_state_events_are_not() {
        assertThat(IGNORING_MALLORY.isIgnored("@mallory:x")).isTrue();
        assertThat(IGNORING_MALLORY.hides(event(
                "{\"type\":\"m.room.message\",\"sender\":\"@mallory:x\",\"content\":{}}"))).isTrue();
        assertThat(IGNORING_MALLORY.hides(event(
                "{\"type\":\"m.room.member\",\"state_key\":\"@mallory:x\",\"sender\":\"@mallory:x\",\"content\":{}}")))
                .isFalse();
        assertThat(IGNORING_MALLORY.hides(event(
                "{\"type\":\"m.room.message\",\"sender\":\"@bob:x\",\"content\":{}}"))).isFalse();
    }

    @Test
    void a_content_without_an_ignored_users_object_ignores_no_one() {
        assertThat(IgnoredUsers.of(JsonObject.EMPTY)).isEqualTo(IgnoredUsers.NONE);
        assertThat(IgnoredUsers.of(Json.parseObject("{\"ignored_users\":[\"@mallory:x\"]}")))
                .isEqualTo(IgnoredUsers.NONE);
    }

    @Test
    void adding_and_removing_an_entry_keep_every_other_entry_and_member() {
        JsonObject content = Json.parseObject(
                "{\"ignored_users\":{\"@mallory:x\":{\"k\":1}},\"org.example\":true}");
        JsonObject added = IgnoredUsers.adding(content, "@eve:x", JsonObject.EMPTY);
        assertThat(IgnoredUsers.of(added).userIds()).containsExactlyInAnyOrder("@mallory:x", "@eve:x");
        assertThat(added.bool("org.example")).contains(true);
        assertThat(added.object("ignored_users").flatMap(u -> u.object("@mallory:x")).flatMap(e -> e.number("k")))
                .contains(1L);
        JsonObject removed = IgnoredUsers.removing(added, "@mallory:x");
        assertThat(IgnoredUsers.of(removed).userIds()).containsExactly("@eve:x");
        assertThat(removed.bool("org.example")).contains(true);
        assertThat(IgnoredUsers.of(IgnoredUsers.adding(JsonObject.EMPTY, "@eve:x", JsonObject.EMPTY)).userIds())
                .containsExactly("@eve:x");
    }
}
