package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilterParsingTest {
    private static Filter filter(String json) {
        return Filter.parse(Json.parseObject(json));
    }

    private static DomainException refusal(String json) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> filter(json));
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    private static JsonObject event(String json) {
        return Json.parseObject(json);
    }

    @Test
    void the_spec_example_filter_is_read_whole() {
        Filter f = filter("""
                {"event_fields": ["type", "content", "sender"], "event_format": "client",
                 "presence": {"not_senders": ["@alice:example.com"], "types": ["m.presence"]},
                 "room": {"ephemeral": {"not_rooms": ["!726s6s6q:example.com"],
                                        "not_senders": ["@spam:example.com"], "types": ["m.receipt", "m.typing"]},
                          "state": {"not_rooms": ["!726s6s6q:example.com"], "types": ["m.room.*"],
                                    "lazy_load_members": true, "include_redundant_members": true},
                          "timeline": {"limit": 10, "not_rooms": ["!726s6s6q:example.com"],
                                       "not_senders": ["@spam:example.com"], "types": ["m.room.message"],
                                       "unread_thread_notifications": true},
                          "include_leave": true, "rooms": ["!a:example.com"], "not_rooms": ["!b:example.com"],
                          "account_data": {"types": ["m.tag"]}},
                 "account_data": {"limit": 5, "types": ["m.push_rules"]}}""");

        assertThat(f.eventFields()).containsExactly("type", "content", "sender");
        assertThat(f.eventFormat()).isEqualTo(EventFormat.CLIENT);
        assertThat(f.presence().notSenders()).containsExactly("@alice:example.com");
        assertThat(f.presence().matches("m.presence", "@bob:example.com")).isTrue();
        assertThat(f.presence().matches("m.presence", "@alice:example.com")).isFalse();
        assertThat(f.accountData().limitOr(10)).isEqualTo(5);
        assertThat(f.accountData().matches("m.push_rules", null)).isTrue();
        assertThat(f.accountData().matches("m.direct", null)).isFalse();

        RoomFilter room = f.room();
        assertThat(room.includeLeave()).isTrue();
        assertThat(room.allowsRoom("!a:example.com")).isTrue();
        assertThat(room.allowsRoom("!b:example.com")).isFalse();
        assertThat(room.allowsRoom("!c:example.com")).isFalse();
        assertThat(room.state().lazyLoadMembers()).isTrue();
        assertThat(room.state().includeRedundantMembers()).isTrue();
        assertThat(room.timeline().limitOr(20)).isEqualTo(10);
        assertThat(room.timeline().unreadThreadNotifications()).isTrue();
        assertThat(room.ephemeral().matches(event("{\"type\":\"m.typing\",\"content\":{}}"), "!x:example.com"))
                .isTrue();
        assertThat(room.ephemeral().matches(event("{\"type\":\"m.typing\",\"content\":{}}"), "!726s6s6q:example.com"))
                .isFalse();
        assertThat(room.accountData().types()).containsExactly("m.tag");
    }

    @Test
    void an_empty_filter_is_the_default_one() {
        assertThat(filter("{}")).isEqualTo(Filter.DEFAULT);
        assertThat(Filter.DEFAULT.eventFields()).isNull();
        assertThat(Filter.DEFAULT.eventFormat()).isEqualTo(EventFormat.CLIENT);
        assertThat(Filter.DEFAULT.room().timeline().limitOr(10)).isEqualTo(10);
        assertThat(Filter.DEFAULT.room().allowsRoom("!any:x")).isTrue();
        assertThat(Filter.DEFAULT.room().includeLeave()).isFalse();
    }

    @Test
    void unknown_members_are_ignored_for_forward_compatibility() {
        assertThat(filter("{\"org.example.future\": 1, \"room\": {\"timeline\": {\"x\": [1]}}}"))
                .isEqualTo(Filter.DEFAULT);
    }

    @Test
    void federation_format_is_understood_and_other_formats_are_invalid() {
        assertThat(filter("{\"event_format\":\"federation\"}").eventFormat()).isEqualTo(EventFormat.FEDERATION);
        assertThat(refusal("{\"event_format\":\"xml\"}").kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void members_of_the_wrong_type_are_bad_json_and_named_by_their_path() {
        DomainException limit = refusal("{\"room\":{\"timeline\":{\"limit\":\"10\"}}}");
        assertThat(limit.kind()).isEqualTo(ErrorKind.BAD_JSON);
        assertThat(limit.getMessage()).contains("room.timeline.limit");

        for (String bad : List.of("{\"event_fields\":\"type\"}", "{\"event_fields\":[1]}", "{\"event_format\":1}",
                "{\"presence\":[]}", "{\"room\":true}", "{\"room\":{\"state\":\"all\"}}",
                "{\"room\":{\"include_leave\":\"yes\"}}", "{\"room\":{\"timeline\":{\"types\":\"m.room.message\"}}}",
                "{\"room\":{\"timeline\":{\"contains_url\":1}}}", "{\"account_data\":{\"not_types\":[null]}}",
                "{\"room\":{\"state\":{\"lazy_load_members\":\"true\"}}}")) {
            assertThat(refusal(bad).kind()).as(bad).isEqualTo(ErrorKind.BAD_JSON);
        }
    }

    @Test
    void values_the_spec_does_not_allow_are_invalid_params() {
        for (String bad : List.of("{\"room\":{\"timeline\":{\"limit\":-1}}}",
                "{\"presence\":{\"senders\":[\"alice\"]}}", "{\"room\":{\"rooms\":[\"#alias:x\"]}}",
                "{\"room\":{\"timeline\":{\"not_rooms\":[\"room\"]}}}")) {
            assertThat(refusal(bad).kind()).as(bad).isEqualTo(ErrorKind.INVALID_PARAM);
        }
        assertThat(filter("{\"room\":{\"timeline\":{\"limit\":0}}}").room().timeline().limit()).isZero();
    }

    @Test
    void type_patterns_take_wildcards_anywhere() {
        EventFilter f = filter("{\"presence\":{\"types\":[\"m.*.member\", \"org.*\"]}}").presence();
        assertThat(f.matches("m.room.member", null)).isTrue();
        assertThat(f.matches("m.room.message", null)).isFalse();
        assertThat(f.matches("org.example", null)).isTrue();
        assertThat(f.matches("com.org.example", null)).isFalse();
        EventFilter everything = filter("{\"presence\":{\"not_types\":[\"*\"]}}").presence();
        assertThat(everything.matches("m.presence", null)).isFalse();
        assertThat(everything.blocksAll()).isTrue();
    }

    @Test
    void empty_include_lists_let_nothing_through() {
        RoomEventFilter f = filter("{\"room\":{\"timeline\":{\"senders\":[]}}}").room().timeline();
        assertThat(f.blocksAll()).isTrue();
        assertThat(f.matches(event("{\"type\":\"m.room.message\",\"sender\":\"@a:x\",\"content\":{}}"))).isFalse();
        assertThat(filter("{\"room\":{\"rooms\":[]}}").room().allowsRoom("!r:x")).isFalse();
    }

    @Test
    void room_event_filters_check_rooms_senders_and_urls() {
        RoomEventFilter f = filter("""
                {"room":{"timeline":{"rooms":["!r:x"],"not_senders":["@spam:x"],"contains_url":false}}}""")
                .room().timeline();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"room_id\":\"!r:x\",\"content\":{}}")))
                .isTrue();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"room_id\":\"!s:x\",\"content\":{}}")))
                .isFalse();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"content\":{}}"), "!r:x")).isTrue();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"content\":{}}"))).as("no room").isFalse();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@spam:x\",\"room_id\":\"!r:x\",\"content\":{}}")))
                .isFalse();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"room_id\":\"!r:x\","
                + "\"content\":{\"url\":\"mxc://x/y\"}}"))).isFalse();
        assertThat(f.matches(event("{\"type\":\"t\",\"sender\":\"@a:x\",\"room_id\":\"!r:x\","
                + "\"content\":{\"url\":5}}"))).as("a url that is not a string is no url").isTrue();
    }
}
