package io.zhihang.domain.filter;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomEventFilterTest {
    private static Pdu event(String type, String sender, String content) {
        return new Pdu("$e", Json.parseObject("{\"type\":\"" + type + "\",\"sender\":\"" + sender
                + "\",\"room_id\":\"!r:x\",\"content\":" + content + "}"));
    }

    private static RoomEventFilter filter(String json) {
        return RoomEventFilter.parse(Json.parseObject(json));
    }

    @Test
    void types_with_wildcards_and_exclusions() {
        RoomEventFilter f = filter("{\"types\":[\"m.room.*\"],\"not_types\":[\"m.room.member\"]}");
        assertThat(f.matches(event("m.room.message", "@a:x", "{}"))).isTrue();
        assertThat(f.matches(event("m.room.member", "@a:x", "{}"))).isFalse();
        assertThat(f.matches(event("m.reaction", "@a:x", "{}"))).isFalse();
    }

    @Test
    void senders_and_urls() {
        RoomEventFilter f = filter("{\"senders\":[\"@a:x\"],\"contains_url\":true}");
        assertThat(f.matches(event("m.room.message", "@a:x", "{\"url\":\"mxc://x/y\"}"))).isTrue();
        assertThat(f.matches(event("m.room.message", "@a:x", "{}"))).isFalse();
        assertThat(f.matches(event("m.room.message", "@b:x", "{\"url\":\"mxc://x/y\"}"))).isFalse();
        assertThat(filter("{\"not_senders\":[\"@b:x\"]}").matches(event("m.room.message", "@b:x", "{}"))).isFalse();
    }

    @Test
    void an_empty_filter_lets_everything_through_and_reads_lazy_loading() {
        assertThat(RoomEventFilter.ALL.matches(event("anything", "@a:x", "{}"))).isTrue();
        assertThat(filter("{\"lazy_load_members\":true}").lazyLoadMembers()).isTrue();
        assertThat(RoomEventFilter.parse(JsonObject.EMPTY)).isEqualTo(RoomEventFilter.ALL);
    }

    @Test
    void wrong_types_are_bad_json() {
        assertThatThrownBy(() -> filter("{\"types\":\"m.room.message\"}")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> filter("{\"lazy_load_members\":\"yes\"}")).isInstanceOf(DomainException.class);
    }
}
