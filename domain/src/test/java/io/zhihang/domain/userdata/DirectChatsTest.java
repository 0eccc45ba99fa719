package io.zhihang.domain.userdata;

import io.zhihang.domain.protocol.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DirectChatsTest {
    private static final DirectChats LISTED = new DirectChats(Json.parseObject(
            "{\"@bob:x\":[\"!a:x\",\"!b:x\"],\"@carol:x\":\"not a list\",\"@dan:x\":[\"!c:x\",7]}"));

    @Test
    void rooms_are_read_per_user_and_odd_entries_list_nothing() {
        assertThat(LISTED.roomsWith("@bob:x")).containsExactly("!a:x", "!b:x");
        assertThat(LISTED.roomsWith("@carol:x")).isEmpty();
        assertThat(LISTED.roomsWith("@dan:x")).containsExactly("!c:x");
        assertThat(LISTED.partnerIn("!c:x")).contains("@dan:x");
        assertThat(LISTED.lists("!z:x")).isFalse();
    }

    @Test
    void adding_a_room_keeps_the_rest_and_adds_it_once() {
        DirectChats added = LISTED.with("@bob:x", "!new:x").with("@bob:x", "!new:x");
        assertThat(added.roomsWith("@bob:x")).containsExactly("!a:x", "!b:x", "!new:x");
        assertThat(added.content().get("@carol:x")).isEqualTo(LISTED.content().get("@carol:x"));
        assertThat(LISTED.with("@bob:x", "!a:x")).isSameAs(LISTED);
        assertThat(DirectChats.NONE.with("@eve:x", "!e:x").all()).containsEntry("@eve:x", List.of("!e:x"));
    }
}
